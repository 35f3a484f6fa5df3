import { View } from '@tarojs/components'
import { modulePage } from '../../components/ModuleGate'
import { useTabs, type TabItem } from '../../components/Tabs'
import { useRouteParam } from '../../hooks/useRouteParam'
import Filings from './Filings'
import Training from './Training'
import './index.scss'

type Part = 'filings' | 'training'

const PARTS: TabItem<Part>[] = [
  { key: 'filings', title: '备案综合查询' },
  { key: 'training', title: '企业人员培训结果' },
]

/**
 * 信息综合查询 (manual §9): 备案综合查询 (search, 清空, 导出 to .xlsx) and 企业人员培训结果
 * (search, 详情). What is found and exported is what the function lets the caller see. A link
 * may open one part: `?part=training` (the PC header's 信息公开查询 › 企业人员培训结果).
 */
function QueryBody({ projectId }: { projectId: string | undefined }) {
  const initial = useRouteParam('part')
  const [part, bar] = useTabs(PARTS, {
    testId: 'query-parts',
    className: 'query__parts',
    initial,
  })
  return (
    <View className="query">
      {bar}
      {part === 'filings' ? <Filings projectId={projectId} /> : <Training projectId={projectId} />}
    </View>
  )
}

export default modulePage('query', QueryBody, { className: 'query-page' })
