/**
 * H5: ECharts draws into the host element (a canvas of its own inside it). The library (about
 * 560 KB) is fetched only when a chart is drawn — 评价排名, the page's first tab, needs none — so
 * opening 业主评价情况 costs no more than another module. If it cannot be fetched, the table below
 * the chart still holds every number.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { echarts as ECharts, EChartsType } from './echarts'
import { statsOption } from './option'
import type { StatsChartProps } from './StatsChart'

let seq = 0

export default function StatsChart({ data }: StatsChartProps) {
  const [id] = useState(() => `stats-chart-${++seq}`)
  const [echarts, setEcharts] = useState<typeof ECharts | null>(null)
  const [failed, setFailed] = useState(false)
  const chart = useRef<EChartsType | null>(null)

  useEffect(() => {
    let gone = false
    import(/* webpackChunkName: "echarts" */ './echarts').then(
      (lib) => !gone && setEcharts(lib.echarts),
      () => !gone && setFailed(true),
    )
    return () => {
      gone = true
    }
  }, [])

  useEffect(() => {
    const host = document.getElementById(id)
    if (!echarts || !host) return
    const instance = echarts.init(host, undefined, { renderer: 'canvas' })
    chart.current = instance
    const resize = () => instance.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      instance.dispose()
      chart.current = null
    }
  }, [echarts, id])

  // After the instance above, also when the library has just arrived.
  useEffect(() => {
    chart.current?.setOption(statsOption(data), true)
  }, [data, echarts])

  return (
    <View className="stats-chart-host">
      <View id={id} className="stats-chart" data-testid="stats-chart" />
      {failed ? <Text className="stats-chart__note">图表暂不能显示，数据见下表</Text> : null}
    </View>
  )
}
