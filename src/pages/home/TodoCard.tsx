import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { modulePath } from '../../../types/modules'
import type { TodoCounts } from '../../../types/todos'

/**
 * The computer's dashboard: how many to-dos wait for the caller in the current project, and the
 * way to them. (On a phone the grid's badge says it.)
 */
export default function TodoCard({ counts }: { counts: TodoCounts | null | undefined }) {
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
      <Text className="card__text">{counts ? `已办 ${counts.done} 项` : '正在读取…'}</Text>
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
