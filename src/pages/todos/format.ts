/** Dates as people of Shenzhen read them, whatever the device's time zone (China Standard Time). */
const CST_OFFSET = 8 * 3_600_000
export const DAY = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')
const cst = (at: number) => new Date(at + CST_OFFSET)

/** 2026-11-25 */
export function formatDate(at: number): string {
  const d = cst(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 2026-11-25 14:03 */
export function formatTime(at: number): string {
  const d = cst(at)
  return `${formatDate(at)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Whole days from `now` until `end`, a started day counting as one (0 once it has passed). */
export function daysLeft(end: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((end - now) / DAY))
}

export const ROLE_LABELS: Record<string, string> = {
  manager: '项目负责人',
  handler: '项目经办人',
}
