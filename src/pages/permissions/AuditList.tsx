import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtLoadMore } from 'taro-ui'
import { AppError } from '../../../types/errors'
import { AUDIT_PAGE_SIZE, type AuditRow } from '../../../types/permissions'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import type { CloudState } from '../../hooks/useCloud'
import { errorText } from '../../services/reply'
import { ROLE_LABELS, formatTime, moduleTitles, toast } from './util'

type More = { rows: AuditRow[]; next: number; status: 'more' | 'loading' | 'noMore' }

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

interface Props {
  first: CloudState<AuditRow[]>
  /** Loads page `n` (20 rows) of the trail. */
  fetchPage: (n: number) => Promise<AuditRow[]>
  /** Account id → name, for rows whose detail does not carry the name. */
  names: Record<string, string>
}

/** 操作记录: newest first, 20 at a time, 加载更多 for older ones. */
export default function AuditList({ first, fetchPage, names }: Props) {
  const [more, setMore] = useState<More | null>(null)
  const [base, setBase] = useState<AuditRow[] | undefined>(first.data)
  // A reload of the first page (pull-to-refresh, after an action) starts the list again.
  if (first.data !== base) {
    setBase(first.data)
    setMore(null)
  }

  const loadMore = async (firstRows: AuditRow[]) => {
    const current = more ?? {
      rows: [],
      next: 1,
      status: firstRows.length < AUDIT_PAGE_SIZE ? 'noMore' : 'more',
    }
    if (current.status !== 'more') return
    setMore({ ...current, status: 'loading' })
    try {
      const rows = await fetchPage(current.next)
      setMore({
        rows: [...current.rows, ...rows],
        next: current.next + 1,
        status: rows.length < AUDIT_PAGE_SIZE ? 'noMore' : 'more',
      })
    } catch (err) {
      setMore({ ...current, status: 'more' })
      toast(err instanceof AppError ? err.message : errorText(err))
    }
  }

  return (
    <CloudView state={first}>
      {(firstRows) => {
        if (firstRows.length === 0) return <EmptyState icon="clock" title="暂无操作记录" />
        const rows = [...firstRows, ...(more?.rows ?? [])]
        const status = more?.status ?? (firstRows.length < AUDIT_PAGE_SIZE ? 'noMore' : 'more')
        return (
          <View className="audit">
            <View className="list-card">
              {rows.map((r) => {
                const target =
                  (typeof r.detail?.name === 'string' ? r.detail.name : '') || names[r.targetId]
                const actor = r.actorName
                  ? `${r.actorName}${r.actorRole ? `（${ROLE_LABELS[r.actorRole] ?? r.actorRole}）` : ''}`
                  : target || '—'
                const detail = detailText(r)
                return (
                  <View key={r._id} className="audit-row" data-action={r.action}>
                    <View className="audit-row__head">
                      <Text className={`audit-row__action audit-row__action--${r.action}`}>
                        {r.label ?? r.action}
                      </Text>
                      <Text className="audit-row__time">{formatTime(r.at)}</Text>
                    </View>
                    <Text className="audit-row__line">
                      操作人：{actor}
                      {target && r.actorName !== target ? ` · 对象：${target}` : ''}
                    </Text>
                    {detail ? <Text className="audit-row__line">{detail}</Text> : null}
                    {r.comment ? <Text className="audit-row__line">原因：{r.comment}</Text> : null}
                  </View>
                )
              })}
            </View>
            <AtLoadMore
              status={status}
              moreText="加载更多"
              loadingText="加载中…"
              noMoreText="没有更多了"
              onClick={() => void loadMore(firstRows)}
            />
          </View>
        )
      }}
    </CloudView>
  )
}
