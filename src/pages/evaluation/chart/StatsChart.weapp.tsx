/**
 * WeChat: ECharts draws on a Canvas 2D node (base library ≥ 2.9.0). ECharts takes any object
 * with getContext('2d') and a width and height as its canvas; touches are handed to its event
 * handler as mouse events, so tapping a quarter shows its tooltip. If the canvas cannot be had
 * (an old base library, a test renderer), the table below the chart still holds every number.
 */
import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { echarts, type EChartsType } from './echarts'
import { statsOption } from './option'
import type { StatsChartProps } from './StatsChart'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage?: () => { src: string; onload: unknown; onerror: unknown }
}

/** What ECharts needs of a canvas, around the mini program's node. */
function canvasFor(node: CanvasNode) {
  const ctx = node.getContext('2d')
  return {
    getContext: (type: string) => (type === '2d' ? ctx : null),
    get width() {
      return node.width
    },
    set width(w: number) {
      node.width = w
    },
    get height() {
      return node.height
    },
    set height(h: number) {
      node.height = h
    },
    addEventListener() {},
    removeEventListener() {},
    attachEvent() {},
    detachEvent() {},
  }
}

function pixelRatio(): number {
  try {
    const info = Taro.getWindowInfo ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    return info.pixelRatio || 2
  } catch {
    return 2
  }
}

let seq = 0

type TouchLike = { x?: number; y?: number; clientX?: number; clientY?: number }
const MOUSE: Record<string, 'mousedown' | 'mousemove' | 'mouseup'> = {
  touchstart: 'mousedown',
  touchmove: 'mousemove',
  touchend: 'mouseup',
}

export default function StatsChart({ data }: StatsChartProps) {
  const [id] = useState(() => `stats-chart-${++seq}`)
  const chart = useRef<EChartsType | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let gone = false
    Taro.nextTick(() => {
      try {
        // Within the page's own tree (a query outside a page instance may miss its nodes).
        const page = Taro.getCurrentInstance().page
        const query = Taro.createSelectorQuery()
        ;(page ? query.in(page as never) : query)
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
            const info = res?.[0]
            if (gone) return
            if (!info?.node) return setFailed(true)
            const canvas = canvasFor(info.node)
            echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement })
            const instance = echarts.init(canvas as unknown as HTMLElement, undefined, {
              width: info.width,
              height: info.height,
              devicePixelRatio: pixelRatio(),
            })
            instance.setOption(statsOption(data), true)
            chart.current = instance
          })
      } catch {
        setFailed(true)
      }
    })
    return () => {
      gone = true
      chart.current?.dispose()
      chart.current = null
    }
    // The chart is drawn once per host; new data is set below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  useEffect(() => {
    chart.current?.setOption(statsOption(data), true)
  }, [data])

  /** A touch on the canvas, handed to ECharts as the mouse event it stands for. */
  const onTouch = (e: unknown) => {
    const ev = e as { type?: string; touches?: TouchLike[]; changedTouches?: TouchLike[] }
    const type = MOUSE[ev.type ?? '']
    const t = ev.touches?.[0] ?? ev.changedTouches?.[0]
    const handler = chart.current?.getZr().handler
    if (!type || !t || !handler) return
    const at = {
      zrX: t.x ?? t.clientX ?? 0,
      zrY: t.y ?? t.clientY ?? 0,
      preventDefault() {},
      stopImmediatePropagation() {},
      stopPropagation() {},
    }
    handler.dispatch(type, at)
    if (type === 'mouseup') handler.dispatch('click', at)
  }

  return (
    <View className="stats-chart-host" data-testid="stats-chart">
      <Canvas
        type="2d"
        id={id}
        canvasId={id}
        className="stats-chart"
        disableScroll={false}
        onTouchStart={onTouch}
        onTouchMove={onTouch}
        onTouchEnd={onTouch}
      />
      {failed ? <Text className="stats-chart__note">图表暂不能显示，数据见下表</Text> : null}
    </View>
  )
}
