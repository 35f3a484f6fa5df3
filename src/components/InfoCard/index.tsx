import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import EmptyState from '../EmptyState'
import { withClassName } from '../className'
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

export interface RowsProps {
  /** `[label, value]` pairs, in order. */
  rows: [string, string | null | undefined][]
  /** `data-testid` of the rows (none by default). */
  testId?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** Label / value rows of a record (a value left empty shows —). */
export function Rows({ rows, testId, className }: RowsProps) {
  return (
    <View className={withClassName('kit-rows', className)} data-testid={testId}>
      {rows.map(([label, value]) => (
        <View className="kit-rows__row" key={label}>
          <Text className="kit-rows__label">{label}</Text>
          <Text className="kit-rows__value">{value == null || value === '' ? '—' : value}</Text>
        </View>
      ))}
    </View>
  )
}

export interface StatsProps {
  /** `[label, figure]` pairs, in order (the figure as shown). */
  items: [string, string][]
  /** `data-testid` of the row (none by default). */
  testId?: string
  /** Amounts (¥1,234,567.89): two a row, smaller (default false). */
  money?: boolean
  /** Classes added to the root, after its own. */
  className?: string
}

/** A row of figures (总户数 1,856 · 已绑定 1,446 …). */
export function Stats({ items, testId, money = false, className }: StatsProps) {
  return (
    <View
      className={withClassName(`kit-stats${money ? ' kit-stats--money' : ''}`, className)}
      data-testid={testId}
    >
      {items.map(([label, value]) => (
        <View className="kit-stats__item" key={label}>
          <Text className="kit-stats__value">{value}</Text>
          <Text className="kit-stats__label">{label}</Text>
        </View>
      ))}
    </View>
  )
}

export interface CardProps {
  /** The card's heading (none by default). */
  title?: string
  /** The card's content. */
  children: ReactNode
  /** `data-testid` of the card (none by default). */
  testId?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** A white card with an optional title. */
export function Card({ title, children, testId, className }: CardProps) {
  return (
    <View className={withClassName('kit-card', className)} data-testid={testId}>
      {title ? <Text className="kit-card__title">{title}</Text> : null}
      {children}
    </View>
  )
}

export interface TagProps {
  /** The colour, by meaning (default `primary`). */
  tone?: 'primary' | 'warning' | 'danger' | 'success' | 'muted'
  /** The tag's text. */
  children: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** A small coloured label (已公示, 逾期 …). */
export function Tag({ tone = 'primary', children, className }: TagProps) {
  return <Text className={withClassName(`kit-tag kit-tag--${tone}`, className)}>{children}</Text>
}

export interface BalanceProps {
  /** What the sum is (账户余额, 转账金额 …). */
  label: string
  /** The sum as shown (¥1,234.56). */
  value: string
  /** `data-testid` of the value (none by default). */
  testId?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** A sum in large figures under its label: an account's balance, a transfer's amount. */
export function Balance({ label, value, testId, className }: BalanceProps) {
  return (
    <View className={withClassName('kit-balance', className)}>
      <Text className="kit-balance__label">{label}</Text>
      <Text className="kit-balance__value" data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

export interface EmptyProps {
  /** What is missing (暂无公示). */
  title: string
  /** The grey line under it (default 平台暂无该项目的相关记录). */
  description?: string
  /** Classes added to the root, after its own (none of its own). */
  className?: string
}

/** A tab's empty state: the platform holds nothing of this for the project. */
export function Empty({ title, description = '平台暂无该项目的相关记录', className }: EmptyProps) {
  return (
    <View className={className} data-testid="tab-empty">
      <EmptyState icon="file-generic" title={title} description={description} />
    </View>
  )
}
