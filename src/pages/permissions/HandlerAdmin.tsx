import { Text, View } from '@tarojs/components'
import { useState, type MutableRefObject } from 'react'
import type { ModuleCode } from '../../../types/modules'
import { PermissionsContract, type AuditRow, type HandlerRow } from '../../../types/permissions'
import type { Ask } from '../../components/ConfirmDialog'
import type { PagedListHandle } from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import type { CloudState } from '../../hooks/useCloud'
import { useModuleAction } from '../../hooks/useModuleAction'
import { askForNotices } from '../../services/subscribe'
import AuditList from './AuditList'
import { ActiveRow, HandlerList, PendingRow } from './HandlerRows'
import ModuleChooser from './ModuleChooser'
import RejectSheet from './RejectSheet'

const NONE: readonly ModuleCode[] = []

type Tab = 'pending' | 'active' | 'audit'

interface Props {
  projectId: string | undefined
  pending: CloudState<HandlerRow[]>
  active: CloudState<HandlerRow[]>
  fetchAuditPage: (n: number) => Promise<AuditRow[]>
  /** The audit list's handle, for the page's pull-to-refresh. */
  auditRef: MutableRefObject<PagedListHandle | null>
  ask: Ask
  /** Subscribe-message template telling the manager of the next request. */
  requestTemplate?: string
}

type Sheet =
  | { kind: 'authorize'; row: HandlerRow }
  | { kind: 'setModules'; row: HandlerRow }
  | { kind: 'reject'; row: HandlerRow }

/**
 * The manager's part of 权限管理: 待授权 (授权 / 驳回), 经办人 (调整模块 / 移除) and 操作记录.
 * Every change carries the row's version; a CONFLICT means someone else got there first, so the
 * lists are reloaded.
 */
export default function HandlerAdmin(props: Props) {
  const { projectId, pending, active, fetchAuditPage, auditRef, ask, requestTemplate } = props
  const [tab, setTab] = useState<Tab>('pending')
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [open, setOpen] = useState(false)
  const { busy, run } = useModuleAction()

  const reloadAll = () =>
    Promise.all([pending.reload(), active.reload(), auditRef.current?.reload()])

  const openSheet = (s: Sheet) => {
    // A tap: WeChat lets us ask now whether to notify the manager of the next request.
    askForNotices([requestTemplate])
    setSheet(s)
    setOpen(true)
  }

  /** After a change, or one refused because the row moved meanwhile: the lists are reloaded. */
  const closeAndReload = () => {
    setOpen(false)
    return reloadAll()
  }
  const settle = { after: closeAndReload, onStale: closeAndReload }

  const target = (row: HandlerRow) => ({ accountId: row._id, version: row.version, projectId })

  const remove = async (row: HandlerRow) => {
    const ok = await ask({
      title: '移除经办人',
      content: `移除后，${row.name}将不能再办理本项目的业务，确定移除？`,
      confirmText: '确定移除',
      danger: true,
    })
    if (ok)
      await run(PermissionsContract, 'removeHandler', target(row), { done: '已移除', ...settle })
  }

  const names: Record<string, string> = {}
  for (const r of [...(pending.data ?? []), ...(active.data ?? [])]) names[r._id] = r.name

  const tabs = [
    { key: 'pending' as const, title: '待授权', count: pending.data?.length, alert: true },
    { key: 'active' as const, title: '经办人', count: active.data?.length },
    { key: 'audit' as const, title: '操作记录' },
  ]

  const row = sheet?.row
  return (
    <View className="admin" data-testid="handler-admin">
      <Text className="section-title">经办人管理</Text>
      <Tabs
        className="admin__tabs"
        testId="admin-tabs"
        items={tabs}
        current={tab}
        onChange={setTab}
      />
      <View className="admin__panel">
        {tab === 'pending' ? (
          <HandlerList
            state={pending}
            empty={{ title: '暂无待授权的经办人', description: '经办人提交身份认证后会出现在这里' }}
            row={(r) => (
              <PendingRow
                key={r._id}
                row={r}
                onReject={() => openSheet({ kind: 'reject', row: r })}
                onAuthorize={() => openSheet({ kind: 'authorize', row: r })}
              />
            )}
          />
        ) : tab === 'active' ? (
          <HandlerList
            state={active}
            empty={{ title: '暂无经办人' }}
            row={(r) => (
              <ActiveRow
                key={r._id}
                row={r}
                onRemove={() => void remove(r)}
                onSetModules={() => openSheet({ kind: 'setModules', row: r })}
              />
            )}
          />
        ) : (
          <AuditList fetchPage={fetchAuditPage} handleRef={auditRef} names={names} />
        )}
      </View>

      <ModuleChooser
        open={open && (sheet?.kind === 'authorize' || sheet?.kind === 'setModules')}
        title={sheet?.kind === 'setModules' ? '调整模块' : '授权模块'}
        who={row ? `经办人：${row.name}（${row.phone}）` : ''}
        initial={sheet?.kind === 'setModules' && row ? row.modules : NONE}
        confirmText={sheet?.kind === 'setModules' ? '保存' : '确定授权'}
        busy={busy}
        onConfirm={(modules) => {
          if (!row) return
          const input = { ...target(row), modules }
          void (sheet?.kind === 'setModules'
            ? run(PermissionsContract, 'setModules', input, { done: '已调整模块', ...settle })
            : run(PermissionsContract, 'authorize', input, { done: '已授权', ...settle }))
        }}
        onClose={() => setOpen(false)}
      />
      <RejectSheet
        open={open && sheet?.kind === 'reject'}
        who={row ? `经办人：${row.name}（${row.phone}）` : ''}
        busy={busy}
        onConfirm={(reason) => {
          if (row)
            void run(
              PermissionsContract,
              'reject',
              { ...target(row), reason },
              {
                done: '已驳回',
                ...settle,
              },
            )
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
