import { z } from 'zod'
import {
  PARKING_FIELDS,
  ParkingFormSchema,
  isDate,
  type ParkingDraft,
  type ParkingForm,
} from './form'

/**
 * 车位信息公开's rules between fields, shared by the page (live sums, the first wrong field) and
 * the function (the rule that counts); and the empty and normalized forms.
 */

// ── the rules between fields ─────────────────────────────────────────────────────────────────

export interface SumLine {
  /** Where its error goes (the second part). */
  path: string
  label: string
  parts: [number | null, number | null]
  total: number | null
  /** parts' sum − total, once all three are numbers. */
  diff: number | null
}

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null

/** The three identities of 车位基本信息, for the live display and the rule alike. */
export function sumLines(form: ParkingDraft): SumLine[] {
  const c = form.counts ?? {}
  const total = num(c.total)
  const line = (path: string, label: string, a: unknown, b: unknown): SumLine => {
    const parts: [number | null, number | null] = [num(a), num(b)]
    const diff =
      parts[0] !== null && parts[1] !== null && total !== null ? parts[0] + parts[1] - total : null
    return { path, label, parts, total, diff }
  }
  return [
    line('counts.added', '规划落地车位数 + 新增车位数', c.planned, c.added),
    line('counts.nonFixed', '固定车位数 + 非固定车位数', c.fixed, c.nonFixed),
    line('counts.aboveGround', '地下车位数 + 非地下车位数', c.underground, c.aboveGround),
  ]
}

/** 户均车位数: spaces per home, two decimals, or null while either is blank or homes is 0. */
export function spacesPerHome(form: ParkingDraft): number | null {
  const total = num(form.counts?.total)
  const homes = num(form.homes)
  if (total === null || !homes) return null
  return Math.round((total / homes) * 100) / 100
}

const isNone = (s: unknown) => typeof s === 'string' && s.trim() === '无'
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === ''

/**
 * Every error of the form, by field path, in the form's order: each field's own rule first, then
 * the rules between fields (sums, 无 for chargers, the dispute's type and text, 是 with a measure,
 * the dates' order, nothing in the future). `today` is YYYY-MM-DD in China Standard Time.
 */
export function validateParking(draft: ParkingDraft, today: string): Record<string, string> {
  const errors: Record<string, string> = {}
  const form = fillBlanks(draft)
  const parsed = ParkingFormSchema.safeParse(form)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        for (const key of issue.keys) errors[[...issue.path, key].join('.')] = '不支持的字段'
        continue
      }
      errors[issue.path.join('.') || '_'] ??= issue.message
    }
  }
  const set = (path: string, message: string) => {
    errors[path] ??= message
  }
  // Sums: only once their three numbers are valid.
  for (const s of sumLines(form)) {
    if (s.diff !== null && s.diff !== 0) {
      const [a, b] = s.parts
      set(
        s.path,
        `${s.label}（${a} + ${b} = ${a! + b!}）应等于车位总数 ${s.total}，相差 ${Math.abs(s.diff)}`,
      )
    }
  }
  const shared = form.sharedLand ?? {}
  const total = num(form.counts?.total)
  const spaces = num(shared.spaces)
  if (spaces !== null && total !== null && spaces > total) {
    set('sharedLand.spaces', '占用共有场地车位数不能超过车位总数')
  }
  if (spaces !== null && spaces > 0) {
    if (!shared.incomeTo) set('sharedLand.incomeTo', '请选择共有场地车位的收益归属')
    else if (shared.incomeTo !== 'allOwners' && blank(shared.note)) {
      set('sharedLand.note', '收益不归全体业主时，请说明归属及依据')
    }
  }
  const ch = form.chargers ?? {}
  const chargers = num(ch.count)
  if (chargers === 0) {
    if (!blank(ch.builder) && !isNone(ch.builder)) set('chargers.builder', '没有充电桩时请填写“无”')
    if (!blank(ch.operator) && !isNone(ch.operator)) {
      set('chargers.operator', '没有充电桩时请填写“无”')
    }
  } else if (chargers !== null && isNone(ch.builder)) {
    set('chargers.builder', '已有充电桩，请填写建设单位')
  }
  const d = form.dispute ?? {}
  if (d.type && blank(d.text)) set('dispute.text', '已选择纠纷类型，请填写纠纷情况')
  if (!d.type && !blank(d.text)) set('dispute.type', '请先选择纠纷类型，再填写纠纷情况')
  const r = form.relief ?? {}
  if (r.adopted === true && (r.measures ?? []).length === 0) {
    set('relief.measures', '选择“是”时请至少选择一项措施')
  }
  if (r.adopted === false && (r.measures ?? []).length > 0) {
    set('relief.measures', '选择“否”时不能选择措施')
  }
  if ((r.measures ?? []).includes('其他措施') && blank(r.note)) {
    set('relief.note', '选择“其他措施”时请说明')
  }
  const land = form.landTransferDate
  const presale = form.earliestPresaleDate
  if (typeof land === 'string' && isDate(land) && land > today) {
    set('landTransferDate', '土地出让时间不能晚于今天')
  }
  if (typeof presale === 'string' && isDate(presale)) {
    if (presale > today) set('earliestPresaleDate', '房屋最早预售时间不能晚于今天')
    else if (typeof land === 'string' && isDate(land) && presale < land) {
      set('earliestPresaleDate', '房屋最早预售时间不能早于土地出让时间')
    }
  }
  // In the form's order, so the first key is the first wrong field.
  const order = PARKING_FIELDS.map((f) => f.path)
  const rank = (k: string) => {
    const i = order.findIndex((p) => k === p || k.startsWith(`${p}.`))
    return i < 0 ? order.length : i
  }
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)))
}

/** The form as stored once it passed: blanks of optional parts as null/'' and 否 with no measures. */
export function normalizeParking(form: ParkingDraft): ParkingForm {
  const f = ParkingFormSchema.parse(fillBlanks(form)) as ParkingForm
  const noShared = f.sharedLand.spaces === 0
  return {
    ...f,
    sharedLand: noShared ? { spaces: 0, incomeTo: null, note: '' } : f.sharedLand,
    dispute: f.dispute.type ? f.dispute : { type: null, text: '' },
  }
}

/** YYYY-MM-DD of `at` in China Standard Time (UTC+8). */
export function chinaDate(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10)
}

/** An empty form: what a first edition starts from. */
export function emptyParkingDraft(): ParkingDraft {
  return {
    landTransferDate: '',
    earliestPresaleDate: '',
    homes: null,
    counts: {
      total: null,
      planned: null,
      added: null,
      fixed: null,
      nonFixed: null,
      underground: null,
      aboveGround: null,
    },
    sharedLand: { spaces: null, incomeTo: null, note: '' },
    managementUnit: '',
    cards: { issued: null, monthlyFee: null, tempFee: '', howToApply: '' },
    chargers: { count: null, builder: '', operator: '' },
    dispute: { type: null, text: '' },
    relief: { adopted: null, measures: [], note: '' },
  }
}

/** The draft over an empty form: every blank becomes null, '' or [] where the form has it. */
export function fillBlanks(draft: ParkingDraft): ParkingDraft {
  const fill = (template: unknown, value: unknown): unknown => {
    if (value === null || value === undefined) return template
    if (template && typeof template === 'object' && !Array.isArray(template)) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
      for (const [k, t] of Object.entries(template)) {
        out[k] = fill(t, (value as Record<string, unknown>)[k])
      }
      return out
    }
    return value
  }
  return fill(emptyParkingDraft(), draft) as ParkingDraft
}
