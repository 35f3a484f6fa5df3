/** China Standard Time (UTC+8), whatever the phone's or the browser's zone. */
const CST_MS = 8 * 3600_000

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026-12-31 of an epoch-ms instant, in China time. */
export function dateText(ms: number): string {
  const d = new Date(ms + CST_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 50 → 50秒; 754 → 12分34秒; 3600 → 1小时0分. */
export function durationText(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  if (s < 60) return `${s}秒`
  if (s < 3600) return `${Math.floor(s / 60)}分${s % 60 ? `${s % 60}秒` : ''}`
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`
}
