/**
 * How the read-mostly modules (项目管理, 共有资金情况, 大额资金转账, 信用信息) show personal numbers,
 * money and dates — shared by the functions (masking happens in the answer, not only on screen)
 * and the pages (formatting).
 */

/** 13800138002 → 138****8002; a landline or anything else keeps only its last 4 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****'
}

/** 440305198803121234 → 4403**********1234 (18 or 15 characters; region and last 4 kept). */
export function maskIdNo(idNo: string): string {
  if (idNo.length < 8) return '*'.repeat(idNo.length)
  return `${idNo.slice(0, 4)}${'*'.repeat(idNo.length - 8)}${idNo.slice(-4)}`
}

/** A bank account number: only its last 4 digits, in groups of four (**** **** **** 1234). */
export function maskAccountNo(accountNo: string): string {
  const digits = accountNo.replace(/\s+/g, '')
  return `**** **** **** ${digits.slice(-4)}`
}

/** Fen (integer) → ¥1,234.56; negative amounts as -¥1,234.56. Exact: integer arithmetic only. */
export function formatFen(fen: number): string {
  const abs = Math.abs(Math.round(fen))
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const cents = String(abs % 100).padStart(2, '0')
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`
}

/**
 * What a person types as yuan (1234.5, "1,234.56", "¥12") → fen, exactly (no floating point);
 * null when it is not an amount of at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const s = text.replace(/[,，¥￥\s]/g, '')
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

const CST_MS = 8 * 3600_000

/** Epoch ms → 2026-05-08 (China Standard Time). */
export function cstDate(at: number): string {
  return new Date(at + CST_MS).toISOString().slice(0, 10)
}

/** Epoch ms → 2026-05 (China Standard Time). */
export function cstMonth(at: number): string {
  return cstDate(at).slice(0, 7)
}

/** Epoch ms → 2026-05-08 14:30 (China Standard Time). */
export function cstDateTime(at: number): string {
  return new Date(at + CST_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** 2026-05-08 → epoch ms of its first moment in China Standard Time. */
export function cstDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}

/** A whole date 'YYYY-MM-DD' (a real day of the calendar). */
export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && cstDate(cstDayStart(s)) === s
}

/** A share as a percentage with one decimal: 0.7241 → 72.4%. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '—'
  return `${((part * 100) / whole).toFixed(1)}%`
}

/** A whole number with thousands separators: 1856 → 1,856. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** An area in m² with two decimals and thousands separators: 215386.72 → 215,386.72. */
export function formatArea(m2: number): string {
  const [whole, frac] = m2.toFixed(2).split('.')
  return `${formatCount(Number(whole))}.${frac}`
}
