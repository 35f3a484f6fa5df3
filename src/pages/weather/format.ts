/** China Standard Time (UTC+8), whatever the phone's or the browser's zone. */
const CST_MS = 8 * 3600_000
const WEEKDAYS = '日一二三四五六'

const pad = (n: number) => String(n).padStart(2, '0')
const cst = (ms: number) => new Date(ms + CST_MS)

/** 14:05 of an instant, China time. */
export function clockText(ms: number): string {
  const d = cst(ms)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026-12-31 of an instant, China time. */
export function dayOf(ms: number): string {
  const d = cst(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 14:05 today, 12-30 14:05 another day (China time). */
export function whenText(ms: number, now = Date.now()): string {
  return dayOf(ms) === dayOf(now) ? clockText(ms) : `${dayOf(ms).slice(5)} ${clockText(ms)}`
}

/** A forecast day (2026-12-31) as 今天 / 明天 / 周三, with 12-31 beside it. */
export function dayLabel(date: string, now = Date.now()): { name: string; date: string } {
  const [y, m, d] = date.split('-').map(Number)
  const at = Date.UTC(y, m - 1, d)
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`)
  const diff = Math.round((at - today) / 86_400_000)
  const name = diff === 0 ? '今天' : diff === 1 ? '明天' : `周${WEEKDAYS[new Date(at).getUTCDay()]}`
  return { name, date: date.slice(5) }
}
