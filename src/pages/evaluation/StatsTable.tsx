import { ScrollView, Text, View } from '@tarojs/components'
import { formatCount } from '../../../types/display'
import { periodLabel, type StatsAnswer } from '../../../types/evaluation'

/** The numbers behind the chart, a row per quarter (scrolls sideways for the categories). */
export default function StatsTable({ data }: { data: StatsAnswer }) {
  const header = [
    '季度',
    '综合得分',
    '评价数',
    '全市排名',
    ...data.categories.map((c) => `${c}满意度`),
  ]
  return (
    <ScrollView scrollX className="stats-table" data-testid="stats-table">
      <View className="stats-table__grid">
        <View className="stats-table__row stats-table__row--head">
          {header.map((h, i) => (
            <Text
              key={h}
              className={`stats-table__cell${i === 0 ? ' stats-table__cell--first' : ''}`}
            >
              {h}
            </Text>
          ))}
        </View>
        {data.quarters.map((q) => (
          <View key={q.period} className="stats-table__row" data-testid="stats-row">
            <Text className="stats-table__cell stats-table__cell--first">
              {periodLabel(q.period)}
            </Text>
            <Text className="stats-table__cell">{q.score.toFixed(1)}</Text>
            <Text className="stats-table__cell">{formatCount(q.count)}</Text>
            <Text className="stats-table__cell">
              {q.rank ? `${q.rank}/${q.ranked ?? '—'}` : '—'}
            </Text>
            {data.categories.map((c) => (
              <Text key={c} className="stats-table__cell">
                {q.satisfaction[c] === undefined ? '—' : `${q.satisfaction[c].toFixed(1)}%`}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
