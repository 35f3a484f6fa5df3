/**
 * How the app shows a person's numbers, money, dates and role — one rule for each, from here:
 * the functions mask in their answers (a number leaves the database masked, never only on
 * screen) and the pages format with the same helpers, so no two modules show one thing two ways.
 * Times are China Standard Time (UTC+8, no daylight saving) whatever the phone's time zone.
 */
import type { Role } from './account'

/** 13800138002 → 138****8002; a landline or anything else keeps only its last 4 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****'
}

/**
 * 身份证号码, the national convention for showing it: the first 6 (the issuing region) and the
 * last 4 kept — 440305197804120318 → 440305********0318, 15 digits → 440305*****0318. Shorter
 * than 12 it cannot be masked that way and is all stars; none → ''.
 */
export function maskIdNo(idNo: string | null | undefined): string {
  if (!idNo) return ''
  if (idNo.length < 12) return '*'.repeat(idNo.length)
  return `${idNo.slice(0, 6)}${'*'.repeat(idNo.length - 10)}${idNo.slice(-4)}`
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

/** Epoch ms → 14:30 (China Standard Time). */
export function cstTime(at: number): string {
  return cstDateTime(at).slice(11)
}

/** Whole days from `now` until `end` (剩余 7 天), a started day counting as one; 0 once it has passed. */
export function daysLeft(end: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((end - now) / 86_400_000))
}

/** 2026-05-08 → epoch ms of its first moment in China Standard Time. */
export function cstDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}

/** A whole date 'YYYY-MM-DD' (a real day of the calendar): the contracts' own rule. */
export { isDate } from './fields'

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

/**
 * What each role is called, on every page and in every record (trails, training results): an
 * account's role, and 企业负责人, the company head among a project's contacts.
 */
export const ROLE_LABELS: Readonly<Record<Role | 'companyHead', string>> = {
  manager: '项目负责人',
  handler: '项目经办人',
  companyHead: '企业负责人',
}

/** The label of a role; '' for none or one this table does not know. */
export function roleLabel(role: string | null | undefined): string {
  return role && Object.prototype.hasOwnProperty.call(ROLE_LABELS, role)
    ? ROLE_LABELS[role as keyof typeof ROLE_LABELS]
    : ''
}
