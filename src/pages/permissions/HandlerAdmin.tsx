import { Text, View } from '@tarojs/components'
import { useState, type MutableRefObject } from 'react'
import { AtAvatar, AtButton } from 'taro-ui'
import type { ModuleCode } from '../../../types/modules'
import { PermissionsContract, type AuditRow, type HandlerRow } from '../../../types/permissions'
import CloudView from '../../components/CloudView'
import type { Ask } from '../../components/ConfirmDialog'
import EmptyState from '../../components/EmptyState'
import type { PagedListHandle } from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import type { CloudState } from '../../hooks/useCloud'
import { call } from '../../services/api'
import { askForNotices } from '../../services/subscribe'
import { toast } from '../../services/toast'
import AuditList from './AuditList'
import ModuleChooser from './ModuleChooser'
import RejectSheet from './RejectSheet'
import { CATEGORY_LABELS, formatTime, moduleTitles, showActionError } from './util'

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
  const [busy, setBusy] = useState(false)

  const reloadAll = () =>
    Promise.all([pending.reload(), active.reload(), auditRef.current?.reload()])

  const openSheet = (s: Sheet) => {
    // A tap: WeChat lets us ask now whether to notify the manager of the next request.
    askForNotices([requestTemplate])
    setSheet(s)
    setOpen(true)
  }

  /** Runs one change; on success or a stale record the lists are reloaded. */
  const act = async (change: () => Promise<unknown>, done: string) => {
    if (busy) return false
    setBusy(true)
    try {
      await change()
      toast.success(done)
      setOpen(false)
      await reloadAll()
      return true
    } catch (err) {
      if (showActionError(err)) {
        setOpen(false)
        await reloadAll()
      }
      return false
    } finally {
      setBusy(false)
    }
  }

  const target = (row: HandlerRow) => ({ accountId: row._id, version: row.version, projectId })

  const remove = async (row: HandlerRow) => {
    const ok = await ask({
      title: '移除经办人',
      content: `移除后，${row.name}将不能再办理本项目的业务，确定移除？`,
      confirmText: '确定移除',
      danger: true,
    })
    if (ok) await act(() => call(PermissionsContract, 'removeHandler', target(row)), '已移除')
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
          <CloudView state={pending}>
            {(rows) =>
              rows.length === 0 ? (
                <EmptyState
                  icon="user"
                  title="暂无待授权的经办人"
                  description="经办人提交身份认证后会出现在这里"
                />
              ) : (
                <View className="list-card">
                  {rows.map((r) => (
                    <View
                      key={r._id}
                      className="handler-row handler-row--pending"
                      data-id={r._id}
                      data-testid="pending-row"
                    >
                      <View className="handler-row__top">
                        <AtAvatar circle text={r.name} size="small" />
                        <View className="handler-row__main">
                          <View className="handler-row__name-line">
                            <Text className="handler-row__name">{r.name}</Text>
                            <Text className="tag tag--pending">待授权</Text>
                          </View>
                          <Text className="handler-row__meta">
                            {r.phone} · {CATEGORY_LABELS[r.category] ?? r.category}
                          </Text>
                          <Text className="handler-row__meta">
                            申请时间 {formatTime(r.createdAt)}
                          </Text>
                        </View>
                      </View>
                      <View className="handler-row__actions">
                        <View data-testid="reject">
                          <AtButton
                            size="small"
                            className="handler-row__reject"
                            onClick={() => openSheet({ kind: 'reject', row: r })}
                          >
                            驳回
                          </AtButton>
                        </View>
                        <View data-testid="authorize">
                          <AtButton
                            size="small"
                            type="primary"
                            className="handler-row__authorize"
                            onClick={() => openSheet({ kind: 'authorize', row: r })}
                          >
                            授权
                          </AtButton>
                        </View>
                      </View>
                    </View>
                  ))}
                </View>
              )
            }
          </CloudView>
        ) : tab === 'active' ? (
          <CloudView state={active}>
            {(rows) =>
              rows.length === 0 ? (
                <EmptyState icon="user" title="暂无经办人" />
              ) : (
                <View className="list-card">
                  {rows.map((r) => (
                    <View
                      key={r._id}
                      className="handler-row handler-row--active"
                      data-id={r._id}
                      data-testid="handler-row"
                    >
                      <View className="handler-row__top">
                        <AtAvatar circle text={r.name} size="small" />
                        <View className="handler-row__main">
                          <Text className="handler-row__name">{r.name}</Text>
                          <Text className="handler-row__meta">
                            {r.phone} · {CATEGORY_LABELS[r.category] ?? r.category}
                          </Text>
                        </View>
                      </View>
                      <View className="handler-row__modules">
                        {r.modules.length > 0 ? (
                          moduleTitles(r.modules)
                            .split('、')
                            .map((t) => (
                              <Text key={t} className="chip">
                                {t}
                              </Text>
                            ))
                        ) : (
                          <Text className="handler-row__meta">未授权任何模块</Text>
                        )}
                      </View>
                      <View className="handler-row__actions">
                        <View data-testid="remove">
                          <AtButton
                            size="small"
                            className="handler-row__remove"
                            onClick={() => void remove(r)}
                          >
                            移除
                          </AtButton>
                        </View>
                        <View data-testid="set-modules">
                          <AtButton
                            size="small"
                            type="primary"
                            className="handler-row__modules-btn"
                            onClick={() => openSheet({ kind: 'setModules', row: r })}
                          >
                            调整模块
                          </AtButton>
                        </View>
                      </View>
                    </View>
                  ))}
                </View>
              )
            }
          </CloudView>
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
            ? act(() => call(PermissionsContract, 'setModules', input), '已调整模块')
            : act(() => call(PermissionsContract, 'authorize', input), '已授权'))
        }}
        onClose={() => setOpen(false)}
      />
      <RejectSheet
        open={open && sheet?.kind === 'reject'}
        who={row ? `经办人：${row.name}（${row.phone}）` : ''}
        busy={busy}
        onConfirm={(reason) => {
          if (row)
            void act(
              () => call(PermissionsContract, 'reject', { ...target(row), reason }),
              '已驳回',
            )
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
