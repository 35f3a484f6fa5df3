import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { TODO_KINDS, type Todo } from '../../../types/todos'
import { doneText, formatDate } from './format'

interface Props {
  todo: Todo
  now: number
  onView: (todo: Todo) => void
  onHandle: (todo: Todo) => void
}

/** One to-do: what, of which kind, until when (or when and how it was done); 查看 and 办理. */
export default function TodoRow({ todo, now, onView, onHandle }: Props) {
  const pending = todo.status === 'pending'
  const overdue = pending && todo.dueAt < now
  return (
    <View
      className="todo-row"
      data-testid="todo-row"
      data-todo-id={todo._id}
      data-kind={todo.kind}
      data-status={todo.status}
    >
      <View className="todo-row__head">
        <Text className="todo-row__title" data-testid="todo-title">
          {todo.title}
        </Text>
        <Text className={`todo-row__kind todo-row__kind--${todo.kind}`} data-testid="todo-kind">
          {TODO_KINDS[todo.kind]?.title ?? '待办'}
        </Text>
      </View>
      {pending ? (
        <Text
          className={`todo-row__meta${overdue ? ' todo-row__meta--overdue' : ''}`}
          data-testid="todo-due"
        >
          截止日期：{formatDate(todo.dueAt)}
          {overdue ? '（已逾期）' : ''}
        </Text>
      ) : (
        <Text className="todo-row__meta" data-testid="todo-done">
          办结：{doneText(todo)}
        </Text>
      )}
      {!pending && todo.result ? (
        <Text className="todo-row__result" data-testid="todo-result">
          结果：{todo.result}
        </Text>
      ) : null}
      <View className="todo-row__actions">
        <View className="todo-row__action" data-testid="todo-view">
          <AtButton size="small" onClick={() => onView(todo)}>
            查看
          </AtButton>
        </View>
        {pending ? (
          <View className="todo-row__action" data-testid="todo-handle">
            <AtButton size="small" type="primary" onClick={() => onHandle(todo)}>
              办理
            </AtButton>
          </View>
        ) : null}
      </View>
    </View>
  )
}
