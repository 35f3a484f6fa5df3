import { View } from '@tarojs/components'
import { useState } from 'react'
import { modulePage } from '../../components/ModuleGate'
import Tabs from '../../components/Tabs'
import Rankings from './Rankings'
import Stats from './Stats'
import './index.scss'

type Part = 'rankings' | 'stats'

/**
 * 业主评价情况 (manual §10): 评价排名 — the city's projects, companies and owners' committees by
 * score, the caller's own pinned; 评价统计 — the project's figures by quarter, charted and tabled.
 */
function EvaluationBody({ projectId }: { projectId: string | undefined }) {
  const [part, setPart] = useState<Part>('rankings')
  return (
    <View className="evaluation">
      <Tabs
        className="evaluation__parts"
        testId="evaluation-parts"
        current={part}
        onChange={setPart}
        items={[
          { key: 'rankings', title: '评价排名' },
          { key: 'stats', title: '评价统计' },
        ]}
      />
      {part === 'rankings' ? <Rankings projectId={projectId} /> : <Stats projectId={projectId} />}
    </View>
  )
}

export default modulePage('evaluation', EvaluationBody, { className: 'evaluation-page' })
