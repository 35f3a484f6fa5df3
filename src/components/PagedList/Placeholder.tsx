import { View } from '@tarojs/components'
import { AtActivityIndicator } from 'taro-ui'
import type { AppError } from '../../../types/errors'
import EmptyState from '../EmptyState'
import ErrorBlock from '../ErrorBlock'
import type { PagedListProps } from './index'

export interface ListPlaceholderProps {
  rootClass: string
  testId: string
  /** A first page has answered. */
  loaded: boolean
  /** The first page's failure, while nothing has answered. */
  error: AppError | null
  /** The first page answered no rows. */
  none: boolean
  empty: PagedListProps<unknown>['empty']
  onRetry: () => void
}

/**
 * What a list (cards or table) shows instead of rows: 加载中 until the first page answers, its
 * failure with 重试 (ErrorBlock), or its empty state. The list draws its rows instead once a page
 * has answered some (`loaded && !none`).
 */
export default function ListPlaceholder(o: ListPlaceholderProps) {
  if (!o.loaded && o.error) {
    return (
      <View className={o.rootClass}>
        <ErrorBlock testId={`${o.testId}-error`} error={o.error} onRetry={o.onRetry} />
      </View>
    )
  }
  if (!o.loaded) {
    return (
      <View className={`${o.rootClass} paged-list__loading`} data-testid={`${o.testId}-loading`}>
        <AtActivityIndicator mode="center" size={40} content="加载中…" />
      </View>
    )
  }
  return (
    <View className={o.rootClass} data-testid={`${o.testId}-empty`}>
      <EmptyState
        icon={o.empty?.icon}
        title={o.empty?.title ?? '暂无记录'}
        description={o.empty?.description}
      />
    </View>
  )
}
