import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import type { Session } from '../../../types/account'
import { PermissionsContract, type AuditRow } from '../../../types/permissions'
import { useConfirm, type Ask } from '../../components/ConfirmDialog'
import ModuleGate from '../../components/ModuleGate'
import { useModuleCall } from '../../hooks/useModuleCall'
import { call } from '../../services/api'
import { useSession } from '../../session'
import Contacts from './Contacts'
import HandlerAdmin from './HandlerAdmin'
import MyAccount from './MyAccount'
import './index.scss'

type Refreshers = Set<() => Promise<unknown>>

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

function ManagerSection(props: {
  projectId: string | undefined
  refreshers: Refreshers
  ask: Ask
  requestTemplate: string | undefined
}) {
  const { projectId, refreshers, ask, requestTemplate } = props
  const fetchAuditPage = (page: number): Promise<AuditRow[]> =>
    call(PermissionsContract, 'auditTrail', { projectId, page })
  const pending = useModuleCall(PermissionsContract, 'listHandlers', {
    projectId,
    status: 'pending',
  })
  const active = useModuleCall(PermissionsContract, 'listHandlers', { projectId, status: 'active' })
  const auditRef = useRef<{ reload: () => Promise<void> } | null>(null)
  const reloadAudit = () => auditRef.current?.reload() ?? Promise.resolve()
  useRefresher(refreshers, () => Promise.all([pending.reload(), active.reload(), reloadAudit()]))
  return (
    <HandlerAdmin
      projectId={projectId}
      pending={pending}
      active={active}
      fetchAuditPage={fetchAuditPage}
      auditRef={auditRef}
      ask={ask}
      requestTemplate={requestTemplate}
    />
  )
}

/** What depends on the chosen project: remounted (and reloaded) when it changes. */
function ProjectBody(props: {
  session: Session
  projectId: string | undefined
  refreshers: Refreshers
  ask: Ask
}) {
  const { session, projectId, refreshers, ask } = props
  const contacts = useModuleCall(PermissionsContract, 'contacts', { projectId })
  useRefresher(refreshers, contacts.reload)
  const projectName = session.projects.find((p) => p._id === projectId)?.name
  const manager = session.account?.role === 'manager'
  // What awaits a manager (the requests to authorize) comes first; a handler starts from its
  // own account.
  return manager ? (
    <>
      <ManagerSection
        projectId={projectId}
        refreshers={refreshers}
        ask={ask}
        requestTemplate={session.subscribe.authRequest}
      />
      <Contacts state={contacts} projectName={projectName} />
      <MyAccount session={session} ask={ask} />
    </>
  ) : (
    <>
      <MyAccount session={session} ask={ask} />
      <Contacts state={contacts} projectName={projectName} />
    </>
  )
}

/**
 * 权限管理 (manual §3): for a manager first the handlers of the project waiting for a decision
 * (authorize, reject), then the handlers (modules, remove) and the audit trail, the company
 * head and project managers, and 我的账号; for a handler 我的账号 and the contacts.
 */
export default function PermissionsPage() {
  const { refresh } = useSession()
  const refreshers = useRef<Refreshers>(new Set()).current
  const { dialog, ask } = useConfirm()

  usePullDownRefresh(() => {
    void Promise.all([refresh(), ...[...refreshers].map((f) => f())]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  return (
    <View className="page permissions">
      <ModuleGate code="permissions">
        {({ session, projectId }) => (
          <ProjectBody
            key={projectId ?? ''}
            session={session}
            projectId={projectId}
            refreshers={refreshers}
            ask={ask}
          />
        )}
      </ModuleGate>
      {dialog}
    </View>
  )
}
