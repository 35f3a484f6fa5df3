import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { AtActivityIndicator } from 'taro-ui'
import type { CloudState } from '../../hooks/useCloud'
import { toast } from '../../services/toast'
import ErrorBlock from '../ErrorBlock'
import './index.scss'

interface Props<T> {
  state: CloudState<T>
  /** Text beside the spinner on first load. */
  loadingText?: string
  children: (data: T) => ReactNode
}

/**
 * The one place pages show a cloud call's loading and failure: a spinner until the first answer,
 * an error block if there is no answer yet (重试, or the way back when another try cannot help:
 * see ErrorBlock), and a toast when a reload (pull-to-refresh) fails while the last answer stays
 * on screen.
 */
export default function CloudView<T>({ state, loadingText = '加载中…', children }: Props<T>) {
  const { data, error, loading, reload } = state
  const hasData = data !== undefined

  useEffect(() => {
    if (error && hasData) toast.error(error)
  }, [error, hasData])

  if (!hasData) {
    if (error && !loading) {
      return <ErrorBlock testId="cloud-error" error={error} onRetry={() => void reload()} />
    }
    return (
      <View className="cloud-view__loading">
        <AtActivityIndicator mode="center" size={40} content={loadingText} />
      </View>
    )
  }
  return <>{children(data)}</>
}
