import { Text, View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { AtActivityIndicator, AtButton, AtIcon } from 'taro-ui'
import type { CloudState } from '../../hooks/useCloud'
import { toast } from '../../services/toast'
import { COLORS } from '../../styles/colors'
import './index.scss'

interface Props<T> {
  state: CloudState<T>
  /** Text beside the spinner on first load. */
  loadingText?: string
  children: (data: T) => ReactNode
}

/**
 * The one place pages show a cloud call's loading and failure: a spinner until the first answer,
 * an error block with 重试 if there is no answer yet, and a toast when a reload (pull-to-refresh)
 * fails while the last answer stays on screen.
 */
export default function CloudView<T>({ state, loadingText = '加载中…', children }: Props<T>) {
  const { data, error, loading, reload } = state
  const hasData = data !== undefined

  useEffect(() => {
    if (error && hasData) toast.error(error)
  }, [error, hasData])

  if (!hasData) {
    if (error && !loading) {
      return (
        <View className="cloud-view__error" data-testid="cloud-error">
          <AtIcon value="alert-circle" size="48" color={COLORS.danger} />
          <Text className="cloud-view__error-text">{error.message}</Text>
          <View className="cloud-view__retry" data-testid="retry">
            <AtButton type="primary" size="small" onClick={() => void reload()}>
              重试
            </AtButton>
          </View>
        </View>
      )
    }
    return (
      <View className="cloud-view__loading">
        <AtActivityIndicator mode="center" size={40} content={loadingText} />
      </View>
    )
  }
  return <>{children(data)}</>
}
