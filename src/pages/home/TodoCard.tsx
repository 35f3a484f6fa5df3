import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { modulePath } from '../../../types/modules'
import type { TodoCounts } from '../../../types/todos'

/**
 * The computer's dashboard: how many to-dos wait for the caller in the current project, and the
 * way to them. (On a phone the grid's badge says it.)
 */
export default function TodoCard({
  counts,
  failed,
  onRetry,
}: {
  counts: TodoCounts | null | undefined
  /** The last reading of the count failed (the card says so and offers 重试). */
  failed: boolean
  onRetry: () => void
}) {
  const open = () => void Taro.navigateTo({ url: modulePath('todos') })
  const pending = counts?.pending
  return (
    <View className="card home__todos" data-testid="home-todos" onClick={open}>
      <Text className="card__title">待办事项</Text>
      <View className="home__todos-figure">
        <Text
          className={`home__todos-count${pending ? ' home__todos-count--alert' : ''}`}
          data-testid="home-todos-pending"
        >
          {pending ?? '—'}
        </Text>
        <Text className="home__todos-unit">项待办</Text>
      </View>
      {counts ? (
        <Text className="card__text">已办 {counts.done} 项</Text>
      ) : failed ? (
        <Text
          className="card__text home__todos-retry"
          data-testid="home-todos-retry"
          onClick={(e) => {
            // Read again here; the card's own tap would open 待办事项.
            e.stopPropagation()
            onRetry()
          }}
        >
          读取失败，点击重试
        </Text>
      ) : (
        <Text className="card__text">正在读取…</Text>
      )}
      <View
        className="home__todos-open"
        data-testid="home-todos-open"
        onClick={(e) => {
          // The card opens the same page: once is enough.
          e.stopPropagation()
          open()
        }}
      >
        <AtButton type="primary" size="small">
          去处理
        </AtButton>
      </View>
    </View>
  )
}
