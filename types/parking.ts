import { z } from 'zod'
import { defineContract, returns } from './contract'
import {
  dateField,
  docId,
  isDate as isCalendarDay,
  requestId,
  shortText,
  textField,
  version,
} from './fields'
import type { Machine } from './machine'
import type { AuditRow } from './permissions'

/**
 * 车位信息公开 (manual §13; domain.md › Parking disclosure). A project's parking disclosure comes
 * in editions: one is drafted (kept on the server as it is typed, so another phone continues it),
 * submitted as the publicity sheet (公示单), then published or cancelled by a manager. The
 * published edition stays until the next one is published; every edition stays in the history.
 *
 * The form and every rule live here, shared by the page (live sums, the first wrong field) and the
 * function (the rule that counts): `validateParking` gives every field-level error in form order.
 */

// ── the form ────────────────────────────────────────────────────────────────────────────────

/** 车位纠纷情况: the type is chosen first, then described. */
export const DISPUTE_TYPES = [
  '车位产权纠纷',
  '车位租售纠纷',
  '停车收费纠纷',
  '车位占用纠纷',
  '其他纠纷',
] as const
export type DisputeType = (typeof DISPUTE_TYPES)[number]

/** 缓解停车情况: the measures a project may have taken (是 requires at least one). */
export const RELIEF_MEASURES = [
  '错峰共享停车',
  '挖潜增设停车位',
  '建设机械式立体停车设施',
  '利用周边道路设置夜间停车位',
  '引导使用周边公共停车场',
  '其他措施',
] as const
export type ReliefMeasure = (typeof RELIEF_MEASURES)[number]

/**
 * Who receives the income of spaces on land the owners share (Shenzhen's model parking rules,
 * 2022: it belongs to all owners). Anything else must be explained.
 */
export const INCOME_RECIPIENTS = {
  allOwners: '全体业主（计入公共收益）',
  developer: '开发建设单位',
  propertyCompany: '物业服务企业',
  other: '其他',
} as const
export type IncomeRecipient = keyof typeof INCOME_RECIPIENTS

export interface ParkingCounts {
  /** 车位总数 */
  total: number
  /** 规划落地车位数 */
  planned: number
  /** 新增车位数 */
  added: number
  /** 固定车位数 */
  fixed: number
  /** 非固定车位数 */
  nonFixed: number
  /** 地下车位数 */
  underground: number
  /** 非地下车位数 */
  aboveGround: number
}

/** The whole disclosure as submitted (every field filled, every rule kept). */
export interface ParkingForm {
  /** 土地出让时间 (YYYY-MM-DD) */
  landTransferDate: string
  /** 房屋最早预售时间 (YYYY-MM-DD), not before the land transfer */
  earliestPresaleDate: string
  /** 房屋总套数: with 车位总数, the spaces per home */
  homes: number
  counts: ParkingCounts
  /** Spaces on roads or sites the owners share, and who receives their income. */
  sharedLand: { spaces: number; incomeTo: IncomeRecipient | null; note: string }
  /** 停车管理单位 */
  managementUnit: string
  /** 停车卡办理情况 */
  cards: { issued: number; monthlyFee: number; tempFee: string; howToApply: string }
  /** 新能源充电桩情况 (无 where there is none) */
  chargers: { count: number; builder: string; operator: string }
  /** 车位纠纷情况 (optional): both or neither */
  dispute: { type: DisputeType | null; text: string }
  /** 缓解停车情况 */
  relief: { adopted: boolean | null; measures: ReliefMeasure[]; note: string }
}

type Draft<T> = {
  [K in keyof T]?: T[K] extends string | number | boolean | null | unknown[]
    ? T[K] | null
    : Draft<T[K]>
}
/** A draft: any field may still be blank (null or missing); what is there has the right type. */
export type ParkingDraft = Draft<ParkingForm>

export const COUNT_MAX = 100_000
export const FEE_MAX = 100_000
export const TEXT_MAX = { unit: 60, fee: 100, apply: 200, dispute: 500, note: 200 } as const

/** The steps of the form, in the manual's order; each field belongs to one. */
export const PARKING_SECTIONS = [
  '土地与预售',
  '车位基本信息',
  '停车卡办理情况',
  '新能源充电桩情况',
  '车位纠纷情况',
  '缓解停车情况',
] as const

/** Every field in the form's order: its path, label and step (the first wrong one is shown). */
export const PARKING_FIELDS: readonly { path: string; label: string; section: number }[] = [
  { path: 'landTransferDate', label: '土地出让时间', section: 0 },
  { path: 'earliestPresaleDate', label: '房屋最早预售时间', section: 0 },
  { path: 'homes', label: '房屋总套数', section: 1 },
  { path: 'counts.total', label: '车位总数', section: 1 },
  { path: 'counts.planned', label: '规划落地车位数', section: 1 },
  { path: 'counts.added', label: '新增车位数', section: 1 },
  { path: 'counts.fixed', label: '固定车位数', section: 1 },
  { path: 'counts.nonFixed', label: '非固定车位数', section: 1 },
  { path: 'counts.underground', label: '地下车位数', section: 1 },
  { path: 'counts.aboveGround', label: '非地下车位数', section: 1 },
  { path: 'sharedLand.spaces', label: '占用业主共有道路或场地的车位数', section: 1 },
  { path: 'sharedLand.incomeTo', label: '共有场地车位收益归属', section: 1 },
  { path: 'sharedLand.note', label: '收益归属说明', section: 1 },
  { path: 'managementUnit', label: '停车管理单位', section: 2 },
  { path: 'cards.issued', label: '已办理停车卡数', section: 2 },
  { path: 'cards.monthlyFee', label: '月卡收费标准（元/月）', section: 2 },
  { path: 'cards.tempFee', label: '临时停车收费标准', section: 2 },
  { path: 'cards.howToApply', label: '停车卡办理方式', section: 2 },
  { path: 'chargers.count', label: '充电桩数量', section: 3 },
  { path: 'chargers.builder', label: '充电桩建设单位', section: 3 },
  { path: 'chargers.operator', label: '充电桩运营维保单位', section: 3 },
  { path: 'dispute.type', label: '纠纷类型', section: 4 },
  { path: 'dispute.text', label: '纠纷情况', section: 4 },
  { path: 'relief.adopted', label: '是否采取缓解停车措施', section: 5 },
  { path: 'relief.measures', label: '缓解停车措施', section: 5 },
  { path: 'relief.note', label: '措施说明', section: 5 },
]

export function fieldLabel(path: string): string {
  return PARKING_FIELDS.find((f) => f.path === path)?.label ?? path
}

// ── field schemas: `draft` allows blanks, the final form does not ────────────────────────────

/** The first day the form's dates may name. */
const EARLIEST_DAY = '1980-01-01'

/** A real calendar date written YYYY-MM-DD, from 1980 on. */
export function isDate(s: string): boolean {
  return isCalendarDay(s) && s >= EARLIEST_DAY
}

function countOf(label: string, max = COUNT_MAX) {
  const blank = `请填写${label}（没有请填0）`
  return z
    .number({ required_error: blank, invalid_type_error: blank })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
}

function feeOf(label: string) {
  const blank = `请填写${label}（免费请填0）`
  return z
    .number({ required_error: blank, invalid_type_error: blank })
    .min(0, `${label}不能为负数`)
    .max(FEE_MAX, `${label}不能超过${FEE_MAX}`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${label}最多保留两位小数`)
}

/** Text, line breaks allowed; `required` refuses blanks with `blankHint`. */
function textOf(label: string, max: number, required: boolean, blankHint?: string) {
  return textField(label, { max, required, blankHint, multiline: true })
}

const dateOf = (label: string) => dateField(label, { earliest: EARLIEST_DAY })

const disputeType = z.enum(DISPUTE_TYPES, { message: '纠纷类型无效' })
const measure = z.enum(RELIEF_MEASURES, { message: '缓解措施无效' })
const incomeTo = z.enum(Object.keys(INCOME_RECIPIENTS) as [IncomeRecipient, ...IncomeRecipient[]], {
  message: '收益归属无效',
})
const measures = z
  .array(measure)
  .max(RELIEF_MEASURES.length)
  .refine((m) => new Set(m).size === m.length, '缓解措施重复')

/** `final`: each field as the submitted form needs it; otherwise as a draft may hold it. */
function formShape(final: boolean) {
  const opt = <T extends z.ZodTypeAny>(t: T) => (final ? t : t.nullable().optional())
  const text = (label: string, max: number, blankHint?: string) =>
    final ? textOf(label, max, true, blankHint) : textOf(label, max, false).nullable().optional()
  const freeText = (label: string, max: number) =>
    final ? textOf(label, max, false) : textOf(label, max, false).nullable().optional()
  const date = (label: string) =>
    final
      ? dateOf(label)
      : dateField(label, { earliest: EARLIEST_DAY, blankAllowed: true }).nullable().optional()
  const group = <S extends z.ZodRawShape>(shape: S) =>
    final ? z.object(shape).strict() : z.object(shape).strict().optional()
  const none = '没有请填写“无”'
  return {
    landTransferDate: date('土地出让时间'),
    earliestPresaleDate: date('房屋最早预售时间'),
    homes: opt(countOf('房屋总套数', 1_000_000)),
    counts: group({
      total: opt(countOf('车位总数')),
      planned: opt(countOf('规划落地车位数')),
      added: opt(countOf('新增车位数')),
      fixed: opt(countOf('固定车位数')),
      nonFixed: opt(countOf('非固定车位数')),
      underground: opt(countOf('地下车位数')),
      aboveGround: opt(countOf('非地下车位数')),
    }),
    sharedLand: group({
      spaces: opt(countOf('占用共有场地车位数')),
      incomeTo: final ? incomeTo.nullable() : incomeTo.nullable().optional(),
      note: freeText('收益归属说明', TEXT_MAX.note),
    }),
    managementUnit: text('停车管理单位', TEXT_MAX.unit),
    cards: group({
      issued: opt(countOf('已办理停车卡数')),
      monthlyFee: opt(feeOf('月卡收费标准')),
      tempFee: text('临时停车收费标准', TEXT_MAX.fee, '请填写临时停车收费标准（不对外请填“无”）'),
      howToApply: text('停车卡办理方式', TEXT_MAX.apply),
    }),
    chargers: group({
      count: opt(countOf('充电桩数量')),
      builder: text('充电桩建设单位', TEXT_MAX.unit, none),
      operator: text('充电桩运营维保单位', TEXT_MAX.unit, none),
    }),
    dispute: group({
      type: final ? disputeType.nullable() : disputeType.nullable().optional(),
      text: freeText('纠纷情况', TEXT_MAX.dispute),
    }),
    relief: group({
      adopted: final
        ? z.boolean({
            required_error: '请选择是否采取缓解停车措施',
            invalid_type_error: '请选择是否采取缓解停车措施',
          })
        : z.boolean().nullable().optional(),
      measures: final ? measures : measures.nullable().optional(),
      note: freeText('措施说明', TEXT_MAX.note),
    }),
  }
}

/** A draft as saveDraft and submit take it: typed, blanks allowed, rules not yet applied. */
export const ParkingDraftSchema = z.object(formShape(false)).strict()
/** Each field of the submitted form on its own (the rules between fields: `validateParking`). */
const FinalFields = z.object(formShape(true)).strict()

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
  const parsed = FinalFields.safeParse(form)
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
  const f = FinalFields.parse(fillBlanks(form)) as ParkingForm
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

// ── editions and their workflow ──────────────────────────────────────────────────────────────

export type EditionStatus = 'draft' | 'submitted' | 'published' | 'cancelled' | 'superseded'

/**
 * An edition's life (domain.md › Workflows), as data. A handler's submission asks the managers to
 * publish it (a to-do); a manager's own waits on the manager's publicity sheet. Publishing an
 * edition supersedes the one published before it, in the same transaction.
 */
export const EDITION_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', opens: 'publishParking' },
  submitOwn: { from: ['draft'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published', closes: 'publishParking' },
  cancel: { from: ['submitted', 'published'], to: 'cancelled', closes: 'publishParking' },
  supersede: { from: ['published'], to: 'superseded' },
} as const satisfies Machine<EditionStatus>

export const EDITION_STATUS_LABELS: Record<EditionStatus, string> = {
  draft: '草稿',
  submitted: '待发布',
  published: '公示中',
  cancelled: '已取消',
  superseded: '已被新版替代',
}

/** One edition of a project's disclosure, in collection `parking_editions` (`_id` = project_eN). */
export interface ParkingEdition {
  _id: string
  projectId: string
  /** 第N版, counted per project from 1 (cancelled editions keep their number). */
  edition: number
  status: EditionStatus
  /** A draft's form may be incomplete; from submission on it is a whole ParkingForm. */
  form: ParkingDraft
  /** The step of the form the last save was on (another phone opens the same one). */
  step: number
  version: number
  createdAt: number
  createdBy: string
  createdByName: string
  updatedAt: number
  updatedByName?: string
  submittedAt?: number
  submittedBy?: string
  submittedByName?: string
  submittedByRole?: 'handler' | 'manager'
  publishedAt?: number
  publishedByName?: string
  cancelledAt?: number
  cancelledByName?: string
  cancelReason?: string
  supersededAt?: number
  /** The edition that replaced it. */
  supersededBy?: number
}

export const editionId = (projectId: string, edition: number) => `${projectId}_e${edition}`

/** A row of the history (who/when of each step; the form itself only through `edition`). */
export type EditionSummary = Omit<ParkingEdition, 'form'>

export interface ParkingCurrent {
  /** The edition the public sees now, if any. */
  published: ParkingEdition | null
  /** The edition being drafted or awaiting publication, if any (one at a time). */
  open: ParkingEdition | null
  /** What a new draft starts from: the latest edition's form (empty for a first one). */
  base: ParkingDraft
  /** The number a new draft would get. */
  nextEdition: number
  /** Whether the caller may publish or cancel (a manager of the project). */
  canPublish: boolean
}

export interface EditionDetail {
  edition: ParkingEdition
  /** 审核信息 of the edition: who created, submitted, published or cancelled it, newest first. */
  trail: AuditRow[]
  canPublish: boolean
}

export const PARKING_PAGE_SIZE = 10

const target = { projectId: docId.optional(), editionId: docId, version }

/** parking actions' params. */
export const ParkingInput = {
  current: z.object({ projectId: docId.optional() }).strict(),
  edition: z.object({ projectId: docId.optional(), editionId: docId }).strict(),
  history: z
    .object({
      projectId: docId.optional(),
      page: z.number().int().min(0).max(500).default(0),
    })
    .strict(),
  /**
   * Keeps the draft as it is typed. Without `editionId` it starts the next edition (of two phones
   * starting at once, one does and the other is told to reload); with it, it replaces the draft's
   * form if `version` is still current (CONFLICT otherwise: another phone saved meanwhile).
   */
  saveDraft: z
    .object({
      projectId: docId.optional(),
      editionId: docId.optional(),
      version,
      form: ParkingDraftSchema,
      step: z
        .number()
        .int()
        .min(0)
        .max(PARKING_SECTIONS.length - 1)
        .default(0),
    })
    .strict(),
  /** Saves the form as typed and submits it; every rule of `validateParking` must hold. */
  submit: z.object({ ...target, form: ParkingDraftSchema, requestId }).strict(),
  publish: z.object({ ...target, requestId }).strict(),
  cancel: z.object({ ...target, reason: shortText(200, '取消原因') }).strict(),
}

const MEMBER = { kind: 'member', module: 'parking' } as const
const MANAGER = { kind: 'member', module: 'parking', roles: ['manager'] } as const

export const ParkingContract = defineContract('parking', {
  current: { input: ParkingInput.current, access: MEMBER, output: returns<ParkingCurrent>() },
  edition: { input: ParkingInput.edition, access: MEMBER, output: returns<EditionDetail>() },
  history: {
    input: ParkingInput.history,
    access: MEMBER,
    output: returns<{ rows: EditionSummary[]; more: boolean }>(),
  },
  saveDraft: {
    input: ParkingInput.saveDraft,
    access: MEMBER,
    output: returns<{ editionId: string; edition: number; version: number; updatedAt: number }>(),
  },
  submit: {
    input: ParkingInput.submit,
    access: MEMBER,
    output: returns<ParkingEdition>(),
    idempotent: true,
    audit: '提交车位信息',
  },
  publish: {
    input: ParkingInput.publish,
    access: MANAGER,
    output: returns<ParkingEdition>(),
    idempotent: true,
    audit: '发布车位信息',
  },
  cancel: {
    input: ParkingInput.cancel,
    access: MANAGER,
    output: returns<ParkingEdition>(),
    audit: '取消车位信息公示',
  },
})

export const PARKING_COLLECTIONS = {
  /** `_id` = project_eN; the index serves the history and the current/open lookups. */
  parking_editions: [
    {
      fields: [
        ['projectId', 1],
        ['edition', -1],
      ],
    },
    {
      fields: [
        ['projectId', 1],
        ['status', 1],
      ],
    },
  ],
} as const
