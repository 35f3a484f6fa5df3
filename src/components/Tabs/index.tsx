import Taro from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { AtIcon } from 'taro-ui'
import { COLORS } from '../../styles/colors'
import './index.scss'

export interface TabItem<K extends string = string> {
  key: K
  title: string
  /** Shown as a badge beside the title when above zero (undefined: still loading, no badge). */
  count?: number
  /** The count is work waiting (待授权, 待办): a red badge instead of a grey one. */
  alert?: boolean
}

export interface TabsProps<K extends string> {
  items: readonly TabItem<K>[]
  current: K
  onChange: (key: K) => void
  /** `data-testid` of the bar; each tab is `tab-<key>`. */
  testId?: string
  className?: string
  /**
   * More tabs than the screen is wide: the bar scrolls sideways, and a fade with an arrow at an
   * edge says that more tabs lie beyond it (`<testId>-more-start` / `<testId>-more-end`).
   */
  scroll?: boolean
}

/**
 * A row of tabs with counts (待授权 2 · 经办人 5 · 操作记录). The page renders the current tab's
 * content itself, so only the shown list is mounted and loads.
 */
export default function Tabs<K extends string>(props: TabsProps<K>) {
  return props.scroll ? <ScrollTabs {...props} /> : <TabRow {...props} />
}

/**
 * For a page that shows one part at a time: the chosen part (the first at first) and its bar.
 *
 *   const [part, bar] = useTabs(PARTS, { testId: 'query-parts' })
 *   <View>{bar}{part === 'filings' ? <Filings /> : <Training />}</View>
 */
export function useTabs<K extends string>(
  items: readonly TabItem<K>[],
  bar: Omit<TabsProps<K>, 'items' | 'current' | 'onChange'> & {
    /** The tab to start on, if it is one of `items` (a link's `?part=`); else the first. */
    initial?: string
  } = {},
): [K, ReactNode] {
  const { initial, ...rest } = bar
  const [current, setCurrent] = useState<K>(
    () => items.find((t) => t.key === initial)?.key ?? items[0].key,
  )
  return [
    current,
    <Tabs key="tabs" {...rest} items={items} current={current} onChange={setCurrent} />,
  ]
}

function TabRow<K extends string>(props: TabsProps<K>) {
  const { items, current, onChange, testId, className } = props
  return (
    <View className={`tabs${className ? ` ${className}` : ''}`} data-testid={testId}>
      {items.map((t) => {
        const on = t.key === current
        return (
          <View
            key={t.key}
            className={`tabs__item${on ? ' tabs__item--active' : ''}`}
            data-testid={`tab-${t.key}`}
            data-active={on ? 'true' : 'false'}
            onClick={() => {
              if (!on) onChange(t.key)
            }}
          >
            <Text className="tabs__title">{t.title}</Text>
            {t.count ? (
              <Text
                className={`tabs__count${t.alert ? ' tabs__count--alert' : ''}`}
                data-testid={`tab-${t.key}-count`}
              >
                {t.count > 99 ? '99+' : t.count}
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

let nextId = 0

/** Whether tabs lie hidden before / after the visible part of the bar. */
interface Edges {
  before: boolean
  after: boolean
}

/** The tab row in a sideways scroll, with a fade and an arrow at each edge that hides tabs. */
function ScrollTabs<K extends string>(props: TabsProps<K>) {
  const [id] = useState(() => `scroll-tabs-${++nextId}`)
  const [edges, setEdges] = useState<Edges>({ before: false, after: false })
  /** How far the row is wider than its window (px); known once measured. */
  const overflow = useRef(0)

  const update = useCallback((scrollLeft: number) => {
    const next = { before: scrollLeft > 2, after: scrollLeft < overflow.current - 2 }
    setEdges((e) => (e.before === next.before && e.after === next.after ? e : next))
  }, [])

  // The widths are known only once laid out: measure the window and the row inside it.
  useEffect(() => {
    let live = true
    Taro.nextTick(() => {
      if (!live) return
      try {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .boundingClientRect()
          .select(`#${id}-row`)
          .boundingClientRect()
          .exec((res: ({ width: number } | null)[]) => {
            const [view, row] = res
            if (!live || !view || !row) return
            overflow.current = Math.max(0, row.width - view.width)
            update(0)
          })
      } catch {
        // No layout to measure (the page is being torn down, or a host without selector
        // queries such as miniprogram-simulate's): the bar then shows no edge hint.
      }
    })
    return () => {
      live = false
    }
  }, [id, props.items.length, update])

  return (
    <View className="scroll-tabs">
      <ScrollView
        id={id}
        scrollX
        enhanced
        showScrollbar={false}
        className="scroll-tabs__view"
        onScroll={(e) => update(e.detail.scrollLeft)}
      >
        <View id={`${id}-row`} className="scroll-tabs__row">
          <TabRow {...props} />
        </View>
      </ScrollView>
      {edges.before ? (
        <View
          className="scroll-tabs__fade scroll-tabs__fade--before"
          data-testid={`${props.testId ?? 'tabs'}-more-start`}
        >
          <AtIcon value="chevron-left" size="14" color={COLORS.muted} />
        </View>
      ) : null}
      {edges.after ? (
        <View
          className="scroll-tabs__fade scroll-tabs__fade--after"
          data-testid={`${props.testId ?? 'tabs'}-more-end`}
        >
          <AtIcon value="chevron-right" size="14" color={COLORS.muted} />
        </View>
      ) : null}
    </View>
  )
}
