import { Text, View } from '@tarojs/components'
import type { MutableRefObject } from 'react'
import { roleLabel } from '../../../types/display'
import { AUDIT_PAGE_SIZE, type AuditRow } from '../../../types/permissions'
import PagedList, { type ListColumn, type PagedListHandle } from '../../components/PagedList'
import { formatTime, moduleTitles } from './util'

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []
}

function detailText(row: AuditRow): string {
  const d = row.detail ?? {}
  switch (row.action) {
    case 'authorize':
      return `授权模块：${moduleTitles(strings(d.modules)) || '—'}`
    case 'setModules':
      return `调整为：${moduleTitles(strings(d.after)) || '—'}`
    case 'changePhone':
      return typeof d.from === 'string' && typeof d.to === 'string' ? `${d.from} → ${d.to}` : ''
    default:
      return ''
  }
}

/**
 * Who did it to whom, each named once: 「张建国（项目负责人） → 孙丽娜」 for a decision about
 * someone, 「孙丽娜」 when people act on their own account (申请绑定, 解除绑定, 更换手机号), where
 * the row has no actor yet (a binding) or the actor is the target.
 */
export function whoText(row: AuditRow, names: Record<string, string>): string {
  const target =
    (typeof row.detail?.name === 'string' ? row.detail.name : '') || names[row.targetId]
  const role = row.actorRole ? roleLabel(row.actorRole) || row.actorRole : ''
  const actor = row.actorName ? `${row.actorName}${role ? `（${role}）` : ''}` : ''
  if (!actor) return target || '—'
  if (!target || target === row.actorName) return actor
  return `${actor} → ${target}`
}

interface Props {
  /** Loads page `n` (AUDIT_PAGE_SIZE rows) of the trail, newest first. */
  fetchPage: (n: number) => Promise<AuditRow[]>
  handleRef?: MutableRefObject<PagedListHandle | null>
  /** Account id → name, for rows whose detail does not carry the name. */
  names: Record<string, string>
}

/** The computer's table of the trail (PagedList's columns). */
function columnsOf(names: Record<string, string>): ListColumn<AuditRow>[] {
  return [
    { key: 'at', title: '时间', width: 1.2, render: (r) => formatTime(r.at), sortBy: (r) => r.at },
    {
      key: 'action',
      title: '操作',
      render: (r) => (
        <Text className={`audit-row__action audit-row__action--${r.action}`}>
          {r.label ?? r.action}
        </Text>
      ),
    },
    { key: 'who', title: '操作人 → 对象', width: 1.8, render: (r) => whoText(r, names) },
    { key: 'detail', title: '内容', width: 2, render: detailText },
    { key: 'comment', title: '原因', width: 1.4, render: (r) => r.comment },
    { key: 'door', title: '渠道', width: 0.7, render: (r) => r.door },
  ]
}

/**
 * 操作记录: newest first, a page at a time (on reaching the bottom or 加载更多; on a computer, a
 * table with 上一页 / 下一页).
 */
export default function AuditList({ fetchPage, handleRef, names }: Props) {
  return (
    <PagedList
      testId="audit"
      className="audit"
      fetchPage={async (n) => {
        const rows = await fetchPage(n)
        return { rows, more: rows.length === AUDIT_PAGE_SIZE }
      }}
      handleRef={handleRef}
      pullDownRefresh={false}
      keyOf={(r) => r._id}
      empty={{ icon: 'clock', title: '暂无操作记录' }}
      columns={columnsOf(names)}
      renderItem={(r) => {
        const detail = detailText(r)
        return (
          <View className="audit-row" data-action={r.action}>
            <View className="audit-row__head">
              <Text className={`audit-row__action audit-row__action--${r.action}`}>
                {r.label ?? r.action}
              </Text>
              <Text className="audit-row__time">{formatTime(r.at)}</Text>
            </View>
            <Text className="audit-row__line audit-row__who">{whoText(r, names)}</Text>
            {detail ? <Text className="audit-row__line">{detail}</Text> : null}
            {r.comment ? <Text className="audit-row__line">原因：{r.comment}</Text> : null}
          </View>
        )
      }}
    />
  )
}
