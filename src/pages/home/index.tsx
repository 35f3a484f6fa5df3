import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import type { Session } from '../../../types/account'
import { roleLabel } from '../../../types/display'
import { MODULES, modulePath, type ModuleCode } from '../../../types/modules'
import type { TodoCounts, TodosContract } from '../../../types/todos'
import CloudView from '../../components/CloudView'
import DevLink from '../../components/DevLink'
import ProjectSwitcher from '../../components/ProjectSwitcher'
import { useCloud } from '../../hooks/useCloud'
import { useDesktop } from '../../hooks/useDesktop'
import { call, contractRef } from '../../services/api'
import { NEEDS_BINDING, useSession } from '../../session'
import { COLORS } from '../../styles/colors'
import TodoCard from './TodoCard'
import './index.scss'

const BINDING_PAGE = '/pages/binding/index'

function projectNames(session: Session): string {
  return session.projects.map((p) => p.name).join('、')
}

const NO_COUNTS = () => Promise.resolve(null)
/** By name: the first page stays free of the contracts' schemas (zod). */
const Todos = contractRef<typeof TodosContract>('todos')

/**
 * 我的业务: the modules the account holds, as the server said. 待办事项 carries the number of
 * to-dos waiting for the caller in the current project.
 */
function ModuleGrid({ modules, pending }: { modules: readonly ModuleCode[]; pending: number }) {
  const items = MODULES.filter((m) => modules.includes(m.code))
  return (
    <View className="module-grid" data-testid="module-grid">
      {items.map((m) => (
        <View
          key={m.code}
          className="module-grid__item"
          data-testid={`module-${m.code}`}
          onClick={() => void Taro.navigateTo({ url: modulePath(m.code) })}
        >
          <View className="module-grid__icon">
            <AtIcon value={m.icon} size="30" color={COLORS.primary} />
            {m.code === 'todos' && pending > 0 ? (
              <Text className="module-grid__badge" data-testid="badge-todos">
                {pending > 99 ? '99+' : pending}
              </Text>
            ) : null}
          </View>
          <Text className="module-grid__title">{m.title}</Text>
        </View>
      ))}
    </View>
  )
}

interface DashboardProps {
  session: Session
  modules: readonly ModuleCode[]
  projectId?: string
}

/**
 * An active account's home, for one project: on a phone the greeting over the grid; on a computer
 * a dashboard, the greeting beside the to-dos waiting (TodoCard) over a wider grid.
 */
function Dashboard({ session, modules, projectId }: DashboardProps) {
  const desktop = useDesktop()
  const holdsTodos = modules.includes('todos')
  const counts = useCloud<TodoCounts | null>(
    holdsTodos ? () => call(Todos, 'counts', { projectId }) : NO_COUNTS,
  )
  const shown = useRef(false)

  // Back from 待办事项 (or any module): the count may have changed.
  useDidShow(() => {
    if (shown.current) void counts.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void counts.reload()
  })

  const account = session.account
  const role = roleLabel(account?.role ?? 'handler')
  return (
    <View className="home__dashboard">
      <View className="home__cards">
        <View className="card home__greeting" data-testid="home-greeting">
          <Text className="card__title">您好，{account?.name}</Text>
          <Text className="card__text">
            {role} · {projectNames(session) || '未关联项目'}
          </Text>
        </View>
        {desktop && holdsTodos ? (
          <TodoCard
            counts={counts.data}
            failed={!!counts.error && !counts.loading}
            onRetry={() => void counts.reload()}
          />
        ) : null}
      </View>
      <ProjectSwitcher />
      <Text className="section-title">我的业务</Text>
      {modules.length > 0 ? (
        <ModuleGrid modules={modules} pending={counts.data?.pending ?? 0} />
      ) : (
        <View className="card">
          <Text className="card__text">暂无可用模块，请联系项目负责人授权。</Text>
        </View>
      )}
    </View>
  )
}

function ActiveHome({ session }: { session: Session }) {
  const { projectId } = useSession()
  const held = session.modules.filter((c) => MODULES.some((m) => m.code === c))
  return (
    <Dashboard
      key={`${projectId ?? ''}-${held.includes('todos')}`}
      session={session}
      modules={held}
      projectId={projectId}
    />
  )
}

function StatusHome({ session }: { session: Session }) {
  const account = session.account
  if (session.status === 'pending') {
    return (
      <View className="card home__status home__status--pending" data-testid="home-pending">
        <Text className="card__title">等待项目负责人授权</Text>
        <Text className="card__text">
          {account?.name ? `${account.name}，` : ''}您的身份认证已提交
          {projectNames(session) ? `（${projectNames(session)}）` : ''}
          ，项目负责人授权后即可使用各项业务。
        </Text>
        <View className="card__actions">
          <AtButton onClick={() => void Taro.navigateTo({ url: BINDING_PAGE })}>
            查看认证进度
          </AtButton>
        </View>
      </View>
    )
  }
  if (session.status === 'rejected') {
    return (
      <View className="card home__status home__status--rejected" data-testid="home-rejected">
        <Text className="card__title">身份认证未通过</Text>
        <Text className="card__text">原因：{account?.rejectReason || '项目负责人未说明原因'}</Text>
        <View className="card__actions">
          <AtButton
            type="primary"
            onClick={() => void Taro.navigateTo({ url: `${BINDING_PAGE}?retry=1` })}
          >
            重新认证
          </AtButton>
        </View>
      </View>
    )
  }
  if (NEEDS_BINDING.includes(session.status)) {
    return (
      <View className="card">
        <Text className="card__text">正在前往身份认证…</Text>
      </View>
    )
  }
  return <ActiveHome session={session} />
}

export default function Home() {
  const { session, state, refresh } = useSession()

  useEffect(() => {
    if (session && NEEDS_BINDING.includes(session.status))
      void Taro.redirectTo({ url: BINDING_PAGE })
  }, [session])

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="page home mod-home">
      <CloudView state={state}>{(s) => <StatusHome session={s} />}</CloudView>
      <DevLink />
    </View>
  )
}
