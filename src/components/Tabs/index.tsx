import { Text, View } from '@tarojs/components'
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
}

/**
 * A row of tabs with counts (待授权 2 · 经办人 5 · 操作记录). The page renders the current tab's
 * content itself, so only the shown list is mounted and loads.
 */
export default function Tabs<K extends string>(props: TabsProps<K>) {
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
