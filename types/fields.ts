import { z } from 'zod'

/**
 * Field rules shared by pages (inline validation) and functions (the rule that counts).
 * zod 3's classic API: about 60 KB in a bundle, where zod 4 brings 400 KB to the mini program.
 */

/**
 * Chinese for every issue a field's own message does not cover (wrong type, unknown key, a
 * number that is not finite…): zod's English defaults ("Invalid", "Number must be finite") must
 * never reach a person. Every issue code has its line; an unknown one says 格式不正确.
 */
const zhErrorMap: z.ZodErrorMap = (issue) => {
  const I = z.ZodIssueCode
  switch (issue.code) {
    case I.invalid_type:
      if (issue.received === 'undefined') return { message: '此项必填' }
      if (issue.expected === 'integer') return { message: '请输入整数' }
      return { message: '格式不正确' }
    case I.unrecognized_keys:
      return { message: '不支持的字段' }
    case I.invalid_enum_value:
    case I.invalid_literal:
    case I.invalid_union_discriminator:
      return { message: '选项无效' }
    case I.too_big:
      return { message: tooBig(issue) }
    case I.too_small:
      return { message: tooSmall(issue) }
    case I.not_finite:
      return { message: '请输入有效的数字' }
    case I.invalid_date:
      return { message: '日期无效' }
    case I.not_multiple_of:
      return { message: '数值不符合要求' }
    case I.invalid_string:
    case I.invalid_union:
    case I.invalid_intersection_types:
    case I.invalid_arguments:
    case I.invalid_return_type:
    case I.custom:
    default:
      return { message: '格式不正确' }
  }
}

function tooBig(issue: z.ZodTooBigIssue): string {
  const max = Number(issue.maximum)
  if (issue.type === 'string') return `不能超过${max}个字`
  if (issue.type === 'array' || issue.type === 'set') return `最多${max}项`
  return '超出范围'
}

function tooSmall(issue: z.ZodTooSmallIssue): string {
  const min = Number(issue.minimum)
  if (issue.type === 'string') return min <= 1 ? '此项必填' : `至少${min}个字`
  if (issue.type === 'array' || issue.type === 'set')
    return min <= 1 ? '请至少选择一项' : `至少${min}项`
  return '超出范围'
}
z.setErrorMap(zhErrorMap)

export const PHONE_RE = /^1[3-9]\d{9}$/
export const phone = z.string().trim().regex(PHONE_RE, '请输入正确的中国大陆手机号码')
/**
 * A person's name: letters of any script (𠮷, é, ա…) with their combining marks, and `·` or a
 * space only between letters (阿依古丽·买买提, Mary Ann). Counted in characters, not UTF-16 units.
 */
const NAME_RE = /^\p{L}\p{M}*(?:[· ]?\p{L}\p{M}*)*$/u
export const personName = z
  .string()
  .trim()
  .refine((s) => charCount(s) >= 2, '请输入姓名（至少2个字）')
  .refine((s) => charCount(s) <= 20, '姓名不能超过20个字')
  .refine((s) => NAME_RE.test(s), '姓名只能包含文字、间隔号和空格')
/** SMS verification codes (binding, a new phone): what `smsCode` accepts and how they are sent. */
export const CODE_RULES = {
  length: 6,
  ttlMs: 5 * 60_000,
  maxTries: 5,
  resendMs: 60_000,
  dailyPerPhone: 10,
  dailyPerOpenid: 10,
} as const
export const smsCode = z.string().regex(/^\d{6}$/, '请输入6位数字验证码')
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式错误')
export const version = z.number().int().min(0)
// ── text: one rule for every field a person types ───────────────────────────────────────────

/**
 * Characters as a person counts them: code points. 𠮷 (CJK Extension B) is one character but
 * two UTF-16 units, which is what `.length`, zod's `.max` and a browser's maxlength count.
 */
export function charCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Control characters (NUL, escapes, bidi overrides…) are never part of text a person types. */
const CONTROL_RE = /[\p{Cc}\p{Cf}]/u
/** Half of a surrogate pair alone: no character at all (a cut string, or a forged one). */
const LONE_SURROGATE_RE = /\p{Cs}/u

export interface TextRule {
  /** At most this many characters (code points), after trimming. */
  max: number
  /** Blank refused: with `blankHint`, or 请填写…. */
  required?: boolean
  blankHint?: string
  /** Line breaks and tabs allowed (long text: content, notes). */
  multiline?: boolean
}

function textProblem(s: string, label: string, rule: TextRule): string | null {
  if (s === '') return rule.required ? (rule.blankHint ?? `请填写${label}`) : null
  const typed = rule.multiline ? s.replace(/[\r\n\t]/g, '') : s
  if (LONE_SURROGATE_RE.test(s) || CONTROL_RE.test(typed)) return `${label}包含无效字符`
  if (charCount(s) > rule.max) return `${label}不能超过${rule.max}个字`
  return null
}

/** Text a person types, trimmed, its limit counted in characters (see charCount). */
export function textField(label: string, rule: TextRule) {
  const blank = rule.required ? (rule.blankHint ?? `请填写${label}`) : undefined
  return z
    .string({ required_error: blank, invalid_type_error: `${label}格式不正确` })
    .trim()
    .superRefine((s, ctx) => {
      const message = textProblem(s, label, rule)
      if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message })
    })
}

/** A required line of text of at most `max` characters. */
export const shortText = (max: number, label: string) => textField(label, { max, required: true })
// ── dates: one rule for every contract ──────────────────────────────────────────────────────

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_RE = /^(\d{4})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A real day of the calendar written YYYY-MM-DD (no 2026-13-01, 2026-00-10, 2026-02-30). */
export function isDate(s: string): boolean {
  const m = DAY_RE.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** A real month written YYYY-MM. */
export function isMonth(s: string): boolean {
  const m = MONTH_RE.exec(s)
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

interface DayRule {
  /** The first day the field takes (YYYY-MM-DD). */
  earliest?: string
  /** '' means "not filled in" (a draft), not a wrong date. */
  blankAllowed?: boolean
}

/**
 * A day, YYYY-MM-DD, checked as a real day before any code reads it as one (a date parser fed
 * 2026-13-01 answers Invalid Date, and its toISOString throws). Absent or blank: 请选择….
 */
export function dateField(label: string, rule: DayRule = {}) {
  const pick = `请选择${label}`
  const wrong = `${label}格式不正确，应为有效日期（如2026-05-08）`
  return z.string({ required_error: pick, invalid_type_error: wrong }).superRefine((s, ctx) => {
    const message =
      s === ''
        ? rule.blankAllowed
          ? null
          : pick
        : !isDate(s)
          ? wrong
          : rule.earliest && s < rule.earliest
            ? `${label}不能早于${rule.earliest}`
            : null
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message })
  })
}

/** A month, YYYY-MM. */
export const monthField = (label: string) =>
  z
    .string({ invalid_type_error: `${label}格式应为YYYY-MM` })
    .refine(isMonth, `${label}格式不正确，应为有效月份（如2026-05）`)

export const QUARTER_RE = /^\d{4}Q[1-4]$/
/** A quarter, 2026Q3. */
export const quarterField = (label: string) =>
  z
    .string({ invalid_type_error: `${label}格式应为2026Q3` })
    .regex(QUARTER_RE, `${label}格式不正确，应为如2026Q3`)

/** Dates a moment may name: from 2000 to the end of 2099 (epoch ms, whole). */
const MOMENT_MIN = Date.UTC(2000, 0, 1)
const MOMENT_MAX = Date.UTC(2100, 0, 1)
/** A moment as epoch milliseconds, within the dates a record may carry. */
export const momentField = (label: string) =>
  z
    .number({ invalid_type_error: `${label}格式不正确` })
    .int(`${label}格式不正确`)
    .min(MOMENT_MIN, `${label}不是有效时间`)
    .max(MOMENT_MAX, `${label}不是有效时间`)

/** How a list is ordered when its table's header is tapped on a computer (PagedList's `sortKey`). */
export interface ListSort<K extends string = string> {
  by: K
  order: 'asc' | 'desc'
}

/**
 * A list action's optional `sort`: one of `keys` (the fields the function orders by, each with an
 * index), ascending or descending. Without it the list keeps its own order.
 */
const SORT_WRONG = '排序方式不正确'

export function sortField<K extends string>(keys: readonly [K, ...K[]]) {
  const wrong = { errorMap: () => ({ message: '排序方式不正确' }) }
  return z
    .object({ by: z.enum(keys, wrong), order: z.enum(['asc', 'desc'], wrong) }, wrong)
    .strict(SORT_WRONG)
    .optional()
}

/** A client-chosen id per user intent, so a retried submit is recognised. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式错误')

/**
 * First message per field, for forms and for BAD_INPUT errors: { phone: '请输入…' }. Built from
 * entries, so a key such as `__proto__` (an own property after JSON.parse) is named like any
 * other, not swallowed by an assignment to the object's prototype.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out = new Map<string, string>()
  const name = (path: (string | number)[], message: string) => {
    const key = path.join('.') || '_'
    if (!out.has(key)) out.set(key, message)
  }
  for (const issue of error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) name([...issue.path, key], '不支持的字段')
    } else name(issue.path, issue.message)
  }
  return Object.fromEntries(out)
}
