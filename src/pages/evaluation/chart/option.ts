import { periodLabel, type StatsAnswer } from '../../../../types/evaluation'
import type { EChartsCoreOption } from './echarts'

/** The chart's colours: the app's primary for the score, a light blue for the counts. */
const SCORE_COLOR = '#1f6feb'
const COUNT_COLOR = '#9db8f0'
const TEXT_COLOR = '#646a73'

/** 2026Q3 → "Q3", with the year under the first quarter and under each Q1: eight fit a phone. */
export function axisLabels(periods: string[]): string[] {
  return periods.map((period, i) => {
    const m = /^(\d{4})Q([1-4])$/.exec(period)
    if (!m) return period
    return i === 0 || m[2] === '1' ? `Q${m[2]}\n${m[1]}` : `Q${m[2]}`
  })
}

/**
 * 评价统计 as a chart: bars for the number of evaluations (right axis), a line for the score
 * (left axis, 0–100 scale trimmed to the data). No animation: it draws once, in WeChat as in H5.
 */
export function statsOption(data: StatsAnswer): EChartsCoreOption {
  const scores = data.quarters.map((q) => q.score)
  const low = Math.min(...scores, 100)
  return {
    animation: false,
    textStyle: { color: TEXT_COLOR, fontSize: 11 },
    grid: { left: 36, right: 44, top: 44, bottom: 36 },
    legend: { top: 0, itemWidth: 14, itemHeight: 8, data: ['综合得分', '评价数'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const items = params as { axisIndex?: number; dataIndex: number }[]
        const q = data.quarters[items[0]?.dataIndex ?? 0]
        return q ? `${periodLabel(q.period)}\n综合得分 ${q.score}\n评价数 ${q.count}` : ''
      },
    },
    xAxis: {
      type: 'category',
      data: axisLabels(data.quarters.map((q) => q.period)),
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: 10, interval: 0 },
    },
    yAxis: [
      {
        type: 'value',
        name: '得分',
        min: Math.max(0, Math.floor((low - 5) / 5) * 5),
        max: 100,
        splitLine: { lineStyle: { color: '#eef0f4' } },
      },
      { type: 'value', name: '评价数', splitLine: { show: false } },
    ],
    series: [
      {
        name: '评价数',
        type: 'bar',
        yAxisIndex: 1,
        data: data.quarters.map((q) => q.count),
        barMaxWidth: 16,
        itemStyle: { color: COUNT_COLOR, borderRadius: [3, 3, 0, 0] },
      },
      {
        name: '综合得分',
        type: 'line',
        yAxisIndex: 0,
        data: scores,
        symbolSize: 6,
        lineStyle: { width: 2, color: SCORE_COLOR },
        itemStyle: { color: SCORE_COLOR },
        label: { show: true, fontSize: 9, color: SCORE_COLOR, position: 'top' },
      },
    ],
  }
}
