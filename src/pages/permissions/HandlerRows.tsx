import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AtAvatar, AtButton } from 'taro-ui'
import type { HandlerRow } from '../../../types/permissions'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import type { CloudState } from '../../hooks/useCloud'
import { CATEGORY_LABELS, formatTime, moduleTitles } from './util'

/** A button of a row: its test id (its class is `handler-row__<id>`), text and tap. */
type RowAction = [testId: string, text: string, onClick: () => void]

/** A row's buttons, on its right: the lesser one, then the main one (primary). */
function RowActions({ lesser, main }: { lesser: RowAction; main: RowAction }) {
  return (
    <View className="handler-row__actions">
      {[lesser, main].map(([testId, text, onClick]) => (
        <View key={testId} data-testid={testId}>
          <AtButton
            size="small"
            type={testId === main[0] ? 'primary' : undefined}
            className={`handler-row__${testId}`}
            onClick={onClick}
          >
            {text}
          </AtButton>
        </View>
      ))}
    </View>
  )
}

/** Avatar, name (with `tag` beside it), phone and category, then `children`. */
function HandlerTop({
  row,
  tag,
  children,
}: {
  row: HandlerRow
  tag?: ReactNode
  children?: ReactNode
}) {
  return (
    <View className="handler-row__top">
      <AtAvatar circle text={row.name} size="small" />
      <View className="handler-row__main">
        <View className="handler-row__name-line">
          <Text className="handler-row__name">{row.name}</Text>
          {tag}
        </View>
        <Text className="handler-row__meta">
          {row.phone} · {CATEGORY_LABELS[row.category] ?? row.category}
        </Text>
        {children}
      </View>
    </View>
  )
}

/** 待授权: who asked and when, with 驳回 and 授权. */
export function PendingRow(props: {
  row: HandlerRow
  onReject: () => void
  onAuthorize: () => void
}) {
  const { row, onReject, onAuthorize } = props
  return (
    <View className="handler-row handler-row--pending" data-id={row._id} data-testid="pending-row">
      <HandlerTop row={row} tag={<Text className="tag tag--pending">待授权</Text>}>
        <Text className="handler-row__meta">申请时间 {formatTime(row.createdAt)}</Text>
      </HandlerTop>
      <RowActions lesser={['reject', '驳回', onReject]} main={['authorize', '授权', onAuthorize]} />
    </View>
  )
}

/** 经办人: the modules held, with 移除 and 调整模块. */
export function ActiveRow(props: {
  row: HandlerRow
  onRemove: () => void
  onSetModules: () => void
}) {
  const { row, onRemove, onSetModules } = props
  return (
    <View className="handler-row handler-row--active" data-id={row._id} data-testid="handler-row">
      <HandlerTop row={row} />
      <View className="handler-row__modules">
        {row.modules.length > 0 ? (
          moduleTitles(row.modules)
            .split('、')
            .map((t) => (
              <Text key={t} className="chip">
                {t}
              </Text>
            ))
        ) : (
          <Text className="handler-row__meta">未授权任何模块</Text>
        )}
      </View>
      <RowActions
        lesser={['remove', '移除', onRemove]}
        main={['set-modules', '调整模块', onSetModules]}
      />
    </View>
  )
}

/** A call's handlers, one `row` each, or `empty` when there are none. */
export function HandlerList(props: {
  state: CloudState<HandlerRow[]>
  empty: { title: string; description?: string }
  row: (r: HandlerRow) => ReactNode
}) {
  const { state, empty, row } = props
  return (
    <CloudView state={state}>
      {(rows) =>
        rows.length === 0 ? (
          <EmptyState icon="user" title={empty.title} description={empty.description} />
        ) : (
          <View className="list-card">{rows.map(row)}</View>
        )
      }
    </CloudView>
  )
}
