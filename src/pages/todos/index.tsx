import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtFloatLayout } from 'taro-ui'
import { TodosContract, type Todo, type TodoStatus } from '../../../types/todos'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type PagedListHandle } from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh, useReloadOnShow } from '../../hooks/usePageRefresh'
import { call } from '../../services/api'
import { toast } from '../../services/toast'
import { todoColumns } from './columns'
import TodoDetail from './TodoDetail'
import TodoRow from './TodoRow'
import './index.scss'

/**
 * 待办事项 (manual §4): 待办 / 已办 with their counts, a paged list of the project's to-dos the
 * caller may act on; 办理 opens the page that does the work, 查看 the details with 审核信息.
 * Coming back from that page (or the app from the background) reloads, so finished work moves
 * to 已办.
 */
function TodosBody({ projectId }: { projectId: string | undefined }) {
  const [status, setStatus] = useState<TodoStatus>('pending')
  const [viewing, setViewing] = useState<Todo | null>(null)
  const list = useRef<PagedListHandle | null>(null)
  const counts = useModuleCall(TodosContract, 'counts', { projectId })

  /** Overdue is judged against the time the list was loaded. */
  const [now, setNow] = useState(() => Date.now())
  const reloadAll = () => {
    setNow(Date.now())
    return Promise.all([counts.reload(), list.current?.reload()])
  }

  // Back from 办理 (another page) or from the background: the work may be done now.
  useReloadOnShow(reloadAll)
  usePullToRefresh(reloadAll)

  const handle = (todo: Todo) => {
    setViewing(null)
    Taro.navigateTo({ url: todo.link }).catch(() => toast.info('无法打开该页面'))
  }

  return (
    <View className="todos">
      <Tabs
        className="todos__tabs"
        testId="todos-tabs"
        current={status}
        onChange={setStatus}
        items={[
          { key: 'pending', title: '待办', count: counts.data?.pending, alert: true },
          { key: 'done', title: '已办', count: counts.data?.done },
        ]}
      />
      <PagedList<Todo>
        testId="todos-list"
        resetKey={status}
        handleRef={list}
        pullDownRefresh={false}
        fetchPage={(page) => call(TodosContract, 'list', { projectId, status, page })}
        keyOf={(t) => t._id}
        renderItem={(t) => <TodoRow todo={t} now={now} onView={setViewing} onHandle={handle} />}
        columns={todoColumns({ status, now, onView: setViewing, onHandle: handle })}
        onRowClick={setViewing}
        empty={
          status === 'pending'
            ? { icon: 'check-circle', title: '暂无待办事项', description: '新的工作会出现在这里' }
            : { icon: 'clock', title: '暂无已办事项' }
        }
      />
      <AtFloatLayout
        className="todos__detail"
        isOpened={!!viewing}
        title="待办详情"
        onClose={() => setViewing(null)}
      >
        {viewing ? (
          <TodoDetail key={viewing._id} todo={viewing} projectId={projectId} onHandle={handle} />
        ) : null}
      </AtFloatLayout>
    </View>
  )
}

export default modulePage('todos', TodosBody, { className: 'todos-page' })
