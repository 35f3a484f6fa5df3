/** H5: ECharts draws into the host element (a canvas of its own inside it). */
import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { echarts } from './echarts'
import { statsOption } from './option'
import type { StatsChartProps } from './StatsChart'

let seq = 0

export default function StatsChart({ data }: StatsChartProps) {
  const [id] = useState(() => `stats-chart-${++seq}`)
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null)

  useEffect(() => {
    const host = document.getElementById(id)
    if (!host) return
    const instance = echarts.init(host, undefined, { renderer: 'canvas' })
    chart.current = instance
    const resize = () => instance.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      instance.dispose()
      chart.current = null
    }
  }, [id])

  useEffect(() => {
    chart.current?.setOption(statsOption(data), true)
  }, [data])

  return <View id={id} className="stats-chart" data-testid="stats-chart" />
}
