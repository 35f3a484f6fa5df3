import type { AuditRow } from '../../../types/permissions'

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026-11-28 14:05 in the phone's time zone. */
export function dateTime(at: number | undefined): string {
  if (!at) return '—'
  const d = new Date(at)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export const dateOnly = (at: number | undefined) => (at ? dateTime(at).slice(0, 10) : '—')

const ROLE_NAMES: Record<string, string> = { handler: '经办人', manager: '项目负责人' }

/** 张建国（项目负责人） */
export function actorOf(row: AuditRow): string {
  const role = row.actorRole ? ROLE_NAMES[row.actorRole] : undefined
  return `${row.actorName ?? '系统'}${role ? `（${role}）` : ''}`
}
