import { cstDate, cstDateTime, roleLabel } from '../../../types/display'
import type { AuditRow } from '../../../types/permissions'

/** 2026-11-28 14:05 in China Standard Time, whatever the phone's zone; '—' for none. */
export const dateTime = (at: number | undefined) => (at ? cstDateTime(at) : '—')

export const dateOnly = (at: number | undefined) => (at ? cstDate(at) : '—')

/** 张建国（项目负责人） */
export function actorOf(row: AuditRow): string {
  const role = roleLabel(row.actorRole)
  // A change made on a computer says so; the phone is the default door.
  const door = row.door === '电脑端' ? ' · 电脑端' : ''
  return `${row.actorName ?? '系统'}${role ? `（${role}）` : ''}${door}`
}
