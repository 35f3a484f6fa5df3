import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { TODO_KINDS, type Todo, type TodoStatus } from '../../../types/todos'
import type { ListColumn } from '../../components/PagedList'
import { doneText, formatDate } from './format'

interface Options {
  status: TodoStatus
  /** Overdue is judged against this time (when the list was loaded). */
  now: number
  onView: (todo: Todo) => void
  onHandle: (todo: Todo) => void
}

/** A button of the 操作 cell: its tap is the button's only, not also the row's (查看). */
function Action(props: { label: string; testId: string; primary?: boolean; onTap: () => void }) {
  return (
    <View
      className="todo-table__action"
      data-testid={props.testId}
      onClick={(e) => {
        e.stopPropagation()
        props.onTap()
      }}
    >
      <AtButton size="small" type={props.primary ? 'primary' : undefined}>
        {props.label}
      </AtButton>
    </View>
  )
}

/**
 * The computer's table of to-dos (PagedList's columns): 事项, 类型, then 截止日期 for 待办 or 办结
 * and 结果 for 已办, and 操作. A row's tap shows its details, as 查看 does.
 */
export function todoColumns({ status, now, onView, onHandle }: Options): ListColumn<Todo>[] {
  const pending = status === 'pending'
  const overdue = (t: Todo) => t.status === 'pending' && t.dueAt < now
  const title: ListColumn<Todo> = {
    key: 'title',
    title: '事项',
    width: 3,
    render: (t) => (
      <Text className="todo-table__title" data-testid="todo-title" data-todo-id={t._id}>
        {t.title}
      </Text>
    ),
    sortBy: (t) => t.title,
  }
  const kind: ListColumn<Todo> = {
    key: 'kind',
    title: '类型',
    width: 1.3,
    render: (t) => (
      <Text className={`todo-row__kind todo-row__kind--${t.kind}`} data-testid="todo-kind">
        {TODO_KINDS[t.kind]?.title ?? '待办'}
      </Text>
    ),
    sortBy: (t) => TODO_KINDS[t.kind]?.title ?? '',
  }
  const due: ListColumn<Todo> = {
    key: 'due',
    title: '截止日期',
    width: 1.3,
    render: (t) => (
      <Text
        className={`todo-table__due${overdue(t) ? ' todo-table__due--overdue' : ''}`}
        data-testid="todo-due"
      >
        {formatDate(t.dueAt)}
        {overdue(t) ? '（已逾期）' : ''}
      </Text>
    ),
    sortBy: (t) => t.dueAt,
  }
  const done: ListColumn<Todo> = {
    key: 'done',
    title: '办结',
    width: 1.8,
    render: (t) => <Text data-testid="todo-done">{doneText(t)}</Text>,
    sortBy: (t) => t.doneAt ?? 0,
  }
  const result: ListColumn<Todo> = {
    key: 'result',
    title: '结果',
    width: 1.8,
    render: (t) => (t.result ? <Text data-testid="todo-result">{t.result}</Text> : null),
  }
  const actions: ListColumn<Todo> = {
    key: 'actions',
    title: '操作',
    width: pending ? 1.4 : 0.8,
    render: (t) => (
      <View className="todo-table__actions">
        <Action label="查看" testId="todo-view" onTap={() => onView(t)} />
        {t.status === 'pending' ? (
          <Action label="办理" testId="todo-handle" primary onTap={() => onHandle(t)} />
        ) : null}
      </View>
    ),
  }
  return pending ? [title, kind, due, actions] : [title, kind, done, result, actions]
}
