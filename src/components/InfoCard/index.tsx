import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import EmptyState from '../EmptyState'
import './index.scss'

/**
 * The card library of the record pages (项目信息, 共有资金, 大额资金转账, 信用信息): a card, its
 * label / value rows, a row of figures, a tag, and a tab's empty state. Its classes (`kit-…`) are
 * global, as every stylesheet of src/components is; the prefix keeps them apart from any module's
 * own classes (评价统计's `.stats`, 停车's `.tag`), which are scoped to their module.
 *
 * Also for the pages' own markup: `kit-card__tags` / `__title` / `__sub` / `__note` inside a
 * card, list rows (`kit-list-row`, `__head`, `__title`, `__tags`, `__line`, `--link`), amounts
 * (`kit-money`, `--in`, `--out`), a balance (`kit-balance`, `__label`, `__value`) and filter chips
 * (`kit-chips`, `__item`, `__item--on`).
 */

/** Label / value rows of a record (a value left empty shows —). */
export function Rows({
  rows,
  testId,
}: {
  rows: [string, string | null | undefined][]
  testId?: string
}) {
  return (
    <View className="kit-rows" data-testid={testId}>
      {rows.map(([label, value]) => (
        <View className="kit-rows__row" key={label}>
          <Text className="kit-rows__label">{label}</Text>
          <Text className="kit-rows__value">{value == null || value === '' ? '—' : value}</Text>
        </View>
      ))}
    </View>
  )
}

/** A row of figures (总户数 1,856 · 已绑定 1,446 …). */
export function Stats({
  items,
  testId,
  money,
}: {
  items: [string, string][]
  testId?: string
  /** Amounts (¥1,234,567.89): two a row, smaller. */
  money?: boolean
}) {
  return (
    <View className={`kit-stats${money ? ' kit-stats--money' : ''}`} data-testid={testId}>
      {items.map(([label, value]) => (
        <View className="kit-stats__item" key={label}>
          <Text className="kit-stats__value">{value}</Text>
          <Text className="kit-stats__label">{label}</Text>
        </View>
      ))}
    </View>
  )
}

export function Card({
  title,
  children,
  testId,
}: {
  title?: string
  children: ReactNode
  testId?: string
}) {
  return (
    <View className="kit-card" data-testid={testId}>
      {title ? <Text className="kit-card__title">{title}</Text> : null}
      {children}
    </View>
  )
}

export function Tag({
  tone = 'primary',
  children,
}: {
  tone?: 'primary' | 'warning' | 'danger' | 'success' | 'muted'
  children: string
}) {
  return <Text className={`kit-tag kit-tag--${tone}`}>{children}</Text>
}

/** A tab's empty state: the platform holds nothing of this for the project. */
export function Empty({ title, description }: { title: string; description?: string }) {
  return (
    <View data-testid="tab-empty">
      <EmptyState
        icon="file-generic"
        title={title}
        description={description ?? '平台暂无该项目的相关记录'}
      />
    </View>
  )
}
