/**
 * The chart of 评价统计. Taro picks the platform file: StatsChart.weapp.tsx (a Canvas 2D node
 * ECharts draws on) or StatsChart.h5.tsx (an element ECharts draws into). This file is what
 * TypeScript sees; it ships in neither build.
 */
import type { StatsAnswer } from '../../../../types/evaluation'

export interface StatsChartProps {
  data: StatsAnswer
}

export default function StatsChart(_props: StatsChartProps): JSX.Element | null {
  return null
}
