import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import EmptyState from '../../components/EmptyState'
import { useCloud, type CloudState } from '../../hooks/useCloud'
import { useSession } from '../../session'

/** Label / value rows of a record (a value left empty shows —). */
export function Rows({
  rows,
  testId,
}: {
  rows: [string, string | null | undefined][]
  testId?: string
}) {
  return (
    <View className="info-rows" data-testid={testId}>
      {rows.map(([label, value]) => (
        <View className="info-rows__row" key={label}>
          <Text className="info-rows__label">{label}</Text>
          <Text className="info-rows__value">{value == null || value === '' ? '—' : value}</Text>
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
    <View className={`stats${money ? ' stats--money' : ''}`} data-testid={testId}>
      {items.map(([label, value]) => (
        <View className="stats__item" key={label}>
          <Text className="stats__value">{value}</Text>
          <Text className="stats__label">{label}</Text>
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
    <View className="info-card" data-testid={testId}>
      {title ? <Text className="info-card__title">{title}</Text> : null}
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
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}

/** The tab's empty state: the platform holds nothing of this for the project. */
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

/**
 * A tab's one call, run when the tab mounts; a refusal that means the session is out of date
 * (module withdrawn, account changed) refreshes it so the gate shows why.
 */
export function useTabCall<T>(fn: () => Promise<T>): CloudState<T> {
  const { refreshOnAccessError } = useSession()
  return useCloud(() =>
    fn().catch((err: unknown) => {
      refreshOnAccessError(err)
      throw err
    }),
  )
}
