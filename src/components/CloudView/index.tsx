import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { AtActivityIndicator } from 'taro-ui'
import type { CloudState } from '../../hooks/useCloud'
import { toast } from '../../services/toast'
import ErrorBlock from '../ErrorBlock'
import { withClassName } from '../className'
import './index.scss'

export interface CloudViewProps<T> {
  /** The call's state, as useCloud (or a hook built on it) returns it. */
  state: CloudState<T>
  /** Text beside the spinner on first load (default 加载中…). */
  loadingText?: string
  /** Draws the answer; rendered as it returns, with no wrapper of CloudView's own. */
  children: (data: T) => ReactNode
  /**
   * Classes added to the spinner's and the error block's root, after their own (the answer is
   * drawn by `children`, which styles its own root).
   */
  className?: string
}

/**
 * The one place pages show a cloud call's loading and failure: a spinner until the first answer,
 * an error block if there is no answer yet (重试, or the way back when another try cannot help:
 * see ErrorBlock), and a toast when a reload (pull-to-refresh) fails while the last answer stays
 * on screen.
 */
export default function CloudView<T>({
  state,
  loadingText = '加载中…',
  children,
  className,
}: CloudViewProps<T>) {
  const { data, error, loading, reload } = state
  const hasData = data !== undefined

  useEffect(() => {
    if (error && hasData) toast.error(error)
  }, [error, hasData])

  if (!hasData) {
    if (error && !loading) {
      return (
        <ErrorBlock
          testId="cloud-error"
          error={error}
          onRetry={() => void reload()}
          className={className}
        />
      )
    }
    return (
      <View className={withClassName('cloud-view__loading', className)}>
        <AtActivityIndicator mode="center" size={40} content={loadingText} />
      </View>
    )
  }
  return <>{children(data)}</>
}
