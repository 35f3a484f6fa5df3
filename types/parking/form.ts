import { z } from 'zod'
import { dateField, isDate as isCalendarDay, textField } from '../fields'

/**
 * 车位信息公开's form (types/parking.ts is the module's entry): its fields in the manual's order,
 * the steps they belong to, and their schemas — `draft` allows blanks, the submitted form not.
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
export const ParkingFormSchema = z.object(formShape(true)).strict()
