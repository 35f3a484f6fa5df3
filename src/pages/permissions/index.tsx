import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import type { Session } from '../../../types/account'
import type { AuditRow, Contact, HandlerRow } from '../../../types/permissions'
import CloudView from '../../components/CloudView'
import { useCloud } from '../../hooks/useCloud'
import { callFunction } from '../../services/cloud'
import { useConfirm, type ConfirmOptions } from './ConfirmModal'
import Contacts from './Contacts'
import HandlerAdmin from './HandlerAdmin'
import MyAccount from './MyAccount'
import './index.scss'

type Refreshers = Set<() => Promise<unknown>>

const fetchMe = () => callFunction<Session>('binding', { action: 'me' })

/** Registers `fn` for the page's pull-to-refresh while the component is mounted. */
function useRefresher(refreshers: Refreshers, fn: () => Promise<unknown>) {
  const latest = useRef(fn)
  useEffect(() => {
    latest.current = fn
  })
  useEffect(() => {
    const run = () => latest.current()
    refreshers.add(run)
    return () => {
      refreshers.delete(run)
    }
  }, [refreshers])
}

const withProject = (projectId: string | undefined) => (projectId ? { projectId } : {})

function ManagerSection(props: {
  projectId: string | undefined
  refreshers: Refreshers
  ask: (o: ConfirmOptions) => Promise<boolean>
  requestTemplate: string | undefined
}) {
  const { projectId, refreshers, ask, requestTemplate } = props
  const list = (status: 'pending' | 'active') => () =>
    callFunction<HandlerRow[]>('permissions', {
      action: 'listHandlers',
      status,
      ...withProject(projectId),
    })
  const fetchAuditPage = (page: number) =>
    callFunction<AuditRow[]>('permissions', {
      action: 'auditTrail',
      page,
      ...withProject(projectId),
    })
  const pending = useCloud(list('pending'))
  const active = useCloud(list('active'))
  const audit = useCloud(() => fetchAuditPage(0))
  useRefresher(refreshers, () => Promise.all([pending.reload(), active.reload(), audit.reload()]))
  return (
    <HandlerAdmin
      projectId={projectId}
      pending={pending}
      active={active}
      audit={audit}
      fetchAuditPage={fetchAuditPage}
      ask={ask}
      requestTemplate={requestTemplate}
    />
  )
}

function ProjectBody(props: {
  session: Session
  projectId: string | undefined
  refreshers: Refreshers
  ask: (o: ConfirmOptions) => Promise<boolean>
}) {
  const { session, projectId, refreshers, ask } = props
  const contacts = useCloud(() =>
    callFunction<Contact[]>('permissions', { action: 'contacts', ...withProject(projectId) }),
  )
  useRefresher(refreshers, contacts.reload)
  return (
    <>
      <Contacts state={contacts} />
      {session.account?.role === 'manager' ? (
        <ManagerSection
          projectId={projectId}
          refreshers={refreshers}
          ask={ask}
          requestTemplate={session.subscribe.authRequest}
        />
      ) : null}
    </>
  )
}

function ActiveBody(props: {
  session: Session
  refreshers: Refreshers
  ask: (o: ConfirmOptions) => Promise<boolean>
}) {
  const { session, refreshers, ask } = props
  const projectIds = session.account?.projectIds ?? []
  const [projectId, setProjectId] = useState<string | undefined>(projectIds[0])
  const projects = session.projects
  const current = projects.find((p) => p._id === projectId)
  return (
    <>
      {projects.length > 1 ? (
        <Picker
          mode="selector"
          range={projects.map((p) => p.name)}
          value={Math.max(
            0,
            projects.findIndex((p) => p._id === projectId),
          )}
          onChange={(e) => setProjectId(projects[Number(e.detail.value)]?._id)}
        >
          <View className="project-switch">
            <AtIcon value="home" size="18" color="#1f6feb" />
            <Text className="project-switch__name">{current?.name ?? '选择项目'}</Text>
            <Text className="project-switch__hint">切换项目</Text>
          </View>
        </Picker>
      ) : null}
      <MyAccount session={session} ask={ask} />
      <ProjectBody
        key={projectId}
        session={session}
        projectId={projectId}
        refreshers={refreshers}
        ask={ask}
      />
    </>
  )
}

function NotActive({ session }: { session: Session }) {
  const pending = session.status === 'pending'
  return (
    <View className="card">
      <Text className="card__title">{pending ? '等待项目负责人授权' : '尚未完成身份认证'}</Text>
      <Text className="card__text">
        {pending
          ? '您的账号正在等待项目负责人授权，授权后即可使用权限管理。'
          : '完成身份认证后即可查看和管理权限。'}
      </Text>
      <View className="card__actions">
        <AtButton
          type="primary"
          onClick={() => void Taro.reLaunch({ url: '/pages/binding/index' })}
        >
          {pending ? '查看认证进度' : '去认证'}
        </AtButton>
      </View>
    </View>
  )
}

/**
 * 权限管理 (manual §3): 我的账号, the company head and project managers, and for a manager the
 * handlers of the project (authorize, reject, modules, remove) with the audit trail.
 */
export default function PermissionsPage() {
  const me = useCloud(fetchMe)
  const refreshers = useRef<Refreshers>(new Set()).current
  const { modal, ask } = useConfirm()
  const shown = useRef(false)

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), ...[...refreshers].map((f) => f())]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  // Back from 更换手机号: show the new phone.
  useDidShow(() => {
    if (shown.current) void me.reload()
    shown.current = true
  })

  return (
    <View className="page permissions">
      <CloudView state={me}>
        {(s) =>
          s.status === 'active' && s.account ? (
            <ActiveBody session={s} refreshers={refreshers} ask={ask} />
          ) : (
            <NotActive session={s} />
          )
        }
      </CloudView>
      {modal}
    </View>
  )
}
