import { View } from '@tarojs/components'
import { modulePage } from '../../components/ModuleGate'
import { useTabs, type TabItem } from '../../components/Tabs'
import Rankings from './Rankings'
import Stats from './Stats'
import './index.scss'

type Part = 'rankings' | 'stats'

const PARTS: TabItem<Part>[] = [
  { key: 'rankings', title: '评价排名' },
  { key: 'stats', title: '评价统计' },
]

/**
 * 业主评价情况 (manual §10): 评价排名 — the city's projects, companies and owners' committees by
 * score, the caller's own pinned; 评价统计 — the project's figures by quarter, charted and tabled.
 */
function EvaluationBody({ projectId }: { projectId: string | undefined }) {
  const [part, bar] = useTabs(PARTS, { testId: 'evaluation-parts', className: 'evaluation__parts' })
  return (
    <View className="evaluation">
      {bar}
      {part === 'rankings' ? <Rankings projectId={projectId} /> : <Stats projectId={projectId} />}
    </View>
  )
}

export default modulePage('evaluation', EvaluationBody, { className: 'evaluation-page' })
