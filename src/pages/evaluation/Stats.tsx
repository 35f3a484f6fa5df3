import { Text, View } from '@tarojs/components'
import { EvaluationContract, periodLabel } from '../../../types/evaluation'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh } from '../../hooks/usePageRefresh'
import StatsChart from './chart/StatsChart'
import StatsTable from './StatsTable'

/** 评价统计: the project's quarters as a chart (line: score, bars: evaluations) and a table. */
export default function Stats({ projectId }: { projectId: string | undefined }) {
  const stats = useModuleCall(EvaluationContract, 'stats', { projectId })
  usePullToRefresh(stats.reload)
  return (
    <CloudView state={stats}>
      {(data) => {
        const n = data.quarters.length
        if (n === 0) {
          return (
            <EmptyState
              icon="analytics"
              title="暂无评价数据"
              description="评价公布后会显示在这里"
            />
          )
        }
        const latest = data.quarters[n - 1]
        return (
          <View className="stats" data-testid="stats">
            <View className="card stats__card">
              <Text className="card__title">{data.project.name}</Text>
              <Text className="stats__range">
                {periodLabel(data.quarters[0].period)} 至 {periodLabel(latest.period)}，共{n}个季度
              </Text>
              <StatsChart data={data} />
            </View>
            <View className="card stats__card">
              <Text className="card__title">数据明细</Text>
              <StatsTable data={data} />
            </View>
          </View>
        )
      }}
    </CloudView>
  )
}
