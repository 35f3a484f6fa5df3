import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { TODO_KINDS, TodosContract, type Todo } from '../../../types/todos'
import AuditTrail from '../../components/AuditTrail'
import CloudView from '../../components/CloudView'
import { useModuleCall } from '../../hooks/useModuleCall'
import { doneText, formatDate, formatTime } from './format'

interface Props {
  todo: Todo
  projectId: string | undefined
  onHandle: (todo: Todo) => void
}

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="todo-detail__line" data-testid={testId}>
      <Text className="todo-detail__label">{label}</Text>
      <Text className="todo-detail__value">{value}</Text>
    </View>
  )
}

/** A to-do's details and its 审核信息 (the trail of the record it is about). */
export default function TodoDetail({ todo: row, projectId, onHandle }: Props) {
  const detail = useModuleCall(TodosContract, 'detail', { projectId, todoId: row._id })
  return (
    <View className="todo-detail" data-testid="todo-detail">
      <CloudView state={detail}>
        {({ todo, trail }) => {
          const pending = todo.status === 'pending'
          return (
            <View>
              <Text className="todo-detail__title">{todo.title}</Text>
              <Line label="类型" value={TODO_KINDS[todo.kind]?.title ?? '待办'} />
              <Line label="状态" value={pending ? '待办' : '已办'} testId="todo-detail-status" />
              <Line label="创建时间" value={formatTime(todo.createdAt)} />
              <Line label="截止日期" value={formatDate(todo.dueAt)} />
              {!pending ? (
                <>
                  <Line label="办结" value={doneText(todo)} />
                  <Line label="结果" value={todo.result ?? '—'} testId="todo-detail-result" />
                </>
              ) : null}
              <Text className="todo-detail__section">审核信息</Text>
              <AuditTrail rows={trail} />
              {pending ? (
                <View className="todo-detail__actions" data-testid="todo-detail-handle">
                  <AtButton type="primary" onClick={() => onHandle(todo)}>
                    办理
                  </AtButton>
                </View>
              ) : (
                // Done: the same page shows what was submitted, read-only (a check's answers,
                // a published sheet).
                <View className="todo-detail__actions" data-testid="todo-detail-open">
                  <AtButton onClick={() => onHandle(todo)}>查看详情</AtButton>
                </View>
              )}
            </View>
          )
        }}
      </CloudView>
    </View>
  )
}
