import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { dateField, docId, sortField, textField, type ListSort } from './fields'

/**
 * 信息综合查询 (manual §9): 备案综合查询 — search the platform's filings (备案) by name, region
 * optional, paged, and 导出 every matching row to a real .xlsx built by the function; and
 * 企业人员培训结果 — the training results of the staff of the caller's property companies.
 *
 * Who sees what (the function filters, never the page):
 * - a filing of a public kind (业主委员会备案, 物业服务项目备案 …: 信息公开) is seen by every
 *   member holding the module; a filing of a restricted kind (物业服务合同, 承接查验 …) only by
 *   members of its project;
 * - a training result only by members of a project served by the person's company.
 * Keywords match literally (`.`, `*`, `%`, `(` … are characters, not patterns) and case-blind.
 */

/** Shenzhen's districts (行政区域) and their 街道办, as of the 2019 street re-division. */
// prettier-ignore
export const SHENZHEN_REGIONS = {
  福田区: ['园岭街道', '南园街道', '福田街道', '沙头街道', '香蜜湖街道', '梅林街道', '莲花街道', '华富街道', '福保街道', '华强北街道'],
  罗湖区: ['桂园街道', '黄贝街道', '东门街道', '翠竹街道', '东晓街道', '南湖街道', '笋岗街道', '东湖街道', '莲塘街道', '清水河街道'],
  南山区: ['南头街道', '南山街道', '沙河街道', '蛇口街道', '招商街道', '粤海街道', '桃源街道', '西丽街道'],
  盐田区: ['梅沙街道', '盐田街道', '沙头角街道', '海山街道'],
  宝安区: ['新安街道', '西乡街道', '航城街道', '福永街道', '福海街道', '沙井街道', '新桥街道', '松岗街道', '燕罗街道', '石岩街道'],
  龙岗区: ['平湖街道', '坂田街道', '布吉街道', '吉华街道', '南湾街道', '横岗街道', '园山街道', '龙岗街道', '龙城街道', '宝龙街道', '坪地街道'],
  龙华区: ['观湖街道', '民治街道', '龙华街道', '大浪街道', '福城街道', '观澜街道'],
  坪山区: ['坪山街道', '马峦街道', '碧岭街道', '石井街道', '坑梓街道', '龙田街道'],
  光明区: ['光明街道', '公明街道', '新湖街道', '凤凰街道', '玉塘街道', '马田街道'],
  大鹏新区: ['葵涌街道', '大鹏街道', '南澳街道'],
} as const

export type District = keyof typeof SHENZHEN_REGIONS
export const DISTRICTS = Object.keys(SHENZHEN_REGIONS) as District[]

/** Kinds of filing; `public` ones are 信息公开 city-wide, the others stay with their project. */
export const FILING_KINDS = {
  area: { label: '物业管理区域备案', public: true },
  project: { label: '物业服务项目备案', public: true },
  assembly: { label: '业主大会成立备案', public: true },
  committee: { label: '业主委员会备案', public: true },
  committeeChange: { label: '业主委员会变更备案', public: true },
  earlyContract: { label: '前期物业服务合同备案', public: false },
  contract: { label: '物业服务合同备案', public: false },
  handover: { label: '承接查验备案', public: false },
} as const satisfies Record<string, { label: string; public: boolean }>
export type FilingKind = keyof typeof FILING_KINDS

export const FILING_STATUSES = { filed: '已备案', changed: '已变更', revoked: '已注销' } as const
export type FilingStatus = keyof typeof FILING_STATUSES

/** A filing, in collection `filings` (seeded / imported from the platform). */
export interface Filing {
  _id: string
  /** 备案编号, unique. */
  filingNo: string
  /** 备案名称 (what the search matches). */
  name: string
  kind: FilingKind
  /** Copied from the kind when written: whether every member may see it. */
  public: boolean
  projectId: string
  projectName: string
  district: District
  street: string
  /** 物业服务企业 ('' where none is involved, e.g. a committee's own filing). */
  company: string
  /** 备案日期, YYYY-MM-DD (China Standard Time). */
  filedAt: string
  status: FilingStatus
  /** `${filedAt}|${filingNo}`: the list's order (newest first) and the export's cursor. */
  order: string
}

/** A filing as the list and the export show it. */
export type FilingRow = Omit<Filing, 'order'>

/** 企业人员培训结果: one course a person took (the training module writes the same shape). */
export interface TrainingCourseResult {
  /** The course in collection `courses`, when the training module wrote it. */
  courseId?: string
  title: string
  /** 学时 earned. */
  hours: number
  /** 考核成绩 (0–100), when the course has an exam. */
  score?: number | null
  passed: boolean
  /** YYYY-MM-DD. */
  finishedAt?: string | null
}

export const TRAINING_RESULTS = {
  passed: '合格',
  failed: '不合格',
  inProgress: '培训中',
} as const
export type TrainingOutcome = keyof typeof TRAINING_RESULTS

export interface TrainingCertificate {
  /** 证书编号. */
  no: string
  issuer: string
  /** YYYY-MM-DD. */
  issuedAt: string
  validUntil?: string | null
}

/**
 * One person's training (a round of courses), in collection `training_results`: seeded for the
 * platform's records, and written by the training module (观看宣传培训) when an account finishes
 * its courses. The full 身份证号码 stays in the database: answers carry it masked.
 */
export interface TrainingResult {
  _id: string
  /** 姓名. */
  name: string
  /** 身份证号码, 18 characters, upper-case X; absent when the platform does not know it. */
  idNo?: string | null
  /** The platform account, when the training module wrote the result. */
  accountId?: string | null
  /** 岗位 (项目经理, 客服主管, 秩序维护员 …). */
  position?: string | null
  /** 小区: the project the person works at. */
  projectId?: string | null
  projectName: string
  /** 公司名称: the property company (what decides who may see the result). */
  company: string
  /** 开始时间 / 结束时间, YYYY-MM-DD. */
  startDate: string
  endDate?: string | null
  courses: TrainingCourseResult[]
  totalHours: number
  result: TrainingOutcome
  certificate?: TrainingCertificate | null
  updatedAt: number
}

/** What the list shows of a result: 身份证号码 masked, courses summed up. */
export interface TrainingRow {
  _id: string
  name: string
  /** e.g. 440305********123X. */
  idNoMasked: string
  position: string | null
  projectName: string
  company: string
  startDate: string
  endDate: string | null
  totalHours: number
  courseCount: number
  result: TrainingOutcome
}

export interface TrainingDetail extends TrainingRow {
  courses: TrainingCourseResult[]
  certificate: TrainingCertificate | null
}

export const QUERY_PAGE_SIZE = 20
/** More rows than this are not exported at once: narrow the filter (measured: README, bench). */
export const EXPORT_MAX_ROWS = 20_000
export const KEYWORD_MAX = 30

/** An optional keyword: '' means no filter; matched literally, never as a pattern. */
const keyword = (label: string, max = KEYWORD_MAX) => textField(label, { max }).optional()

/** 18-character 身份证号码 (the last may be X); matched whole, never partly. */
export const ID_NO_RE = /^\d{17}[\dX]$/
const idNo = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => s === '' || ID_NO_RE.test(s), '请输入18位身份证号码')
  .optional()

const page = z.number().int().min(0).max(1000).default(0)

/**
 * What a list may be ordered by on request (a computer's table header), besides its own order.
 * 备案日期 is the `order` key (备案日期, then 备案编号); the ties of the others fall to `_id`.
 */
export const FILING_SORTS = ['name', 'filedAt'] as const
export const TRAINING_SORTS = ['name', 'startDate', 'totalHours'] as const
export type FilingSort = ListSort<(typeof FILING_SORTS)[number]>
export type TrainingSort = ListSort<(typeof TRAINING_SORTS)[number]>

/** The filing filter: name keyword, district, street (within the district). */
export const FilingFilter = z
  .object({
    name: keyword('备案名称'),
    district: z
      .enum(DISTRICTS as [District, ...District[]], { message: '请选择深圳市的行政区域' })
      .optional(),
    street: textField('街道', { max: 20 }).optional(),
  })
  .strict()

/** The training filter: any combination; 开始时间 as a range of the training's start date. */
export const TrainingFilter = z
  .object({
    name: keyword('姓名', 20),
    idNo,
    project: keyword('小区'),
    company: keyword('公司名称', 40),
    startFrom: dateField('开始时间').optional(),
    startTo: dateField('开始时间').optional(),
  })
  .strict()

export const QueryInput = {
  filings: FilingFilter.extend({ page, sort: sortField(FILING_SORTS) }).strict(),
  /** Builds the .xlsx of every matching filing the caller may see, stores it, hands back a URL. */
  exportFilings: FilingFilter,
  training: TrainingFilter.extend({ page, sort: sortField(TRAINING_SORTS) }).strict(),
  trainingDetail: z.object({ resultId: docId }).strict(),
}

/**
 * Rules across fields, checked by the function (and by the page before it asks): a street
 * belongs to the chosen district; a date range runs forwards. Field → message; empty when fine.
 * (Kept out of the schemas so that each input stays a plain object of fields.)
 */
export function filingFilterProblems(f: {
  district?: District
  street?: string
}): Record<string, string> {
  if (!f.street) return {}
  const streets = f.district ? (SHENZHEN_REGIONS[f.district] as readonly string[]) : []
  return streets.includes(f.street) ? {} : { street: '请选择所选行政区域下的街道' }
}

export function trainingFilterProblems(f: {
  startFrom?: string
  startTo?: string
}): Record<string, string> {
  if (f.startFrom && f.startTo && f.startFrom > f.startTo) {
    return { startTo: '截止日期不能早于起始日期' }
  }
  return {}
}

export type FilingFilterInput = z.infer<typeof FilingFilter>
export type TrainingFilterInput = z.infer<typeof TrainingFilter>

export interface FilingPage {
  rows: FilingRow[]
  /** Every match the caller may see (what 导出 would write). */
  total: number
  more: boolean
}

export interface TrainingPage {
  rows: TrainingRow[]
  total: number
  more: boolean
}

export interface FilingExport {
  /** Cloud-storage fileID of the .xlsx (weapp: cloud.downloadFile → openDocument). */
  fileID: string
  /** A temporary download URL of it (H5: the local cloud's storage). */
  url: string
  /** What to call the file when saving it: 备案综合查询_20261201-1530.xlsx. */
  fileName: string
  rows: number
  bytes: number
}

/** Columns of the export (and of the list), in order: header and field. */
export const FILING_COLUMNS = [
  ['备案编号', 'filingNo'],
  ['备案名称', 'name'],
  ['备案类型', 'kind'],
  ['项目名称', 'projectName'],
  ['行政区域', 'district'],
  ['街道', 'street'],
  ['物业服务企业', 'company'],
  ['备案日期', 'filedAt'],
  ['状态', 'status'],
] as const satisfies readonly (readonly [string, keyof FilingRow])[]

/** The filter in words, as the export writes it above the table. */
export function describeFilingFilter(f: FilingFilterInput): string {
  const parts = [
    `备案名称：${f.name ? `包含“${f.name}”` : '不限'}`,
    `区域：${f.district ? `${f.district}${f.street ? ` ${f.street}` : ''}` : '全市'}`,
  ]
  return parts.join('；')
}

const action = actionsFor(member('query'))

export const QueryContract = defineContract('query', {
  /**
   * 备案综合查询: a page of the filings the caller may see, newest first (or as `sort` asks), with
   * the total.
   */
  filings: action(QueryInput.filings, returns<FilingPage>()),
  /** 导出: every match (up to EXPORT_MAX_ROWS) into a .xlsx in cloud storage. */
  exportFilings: action(QueryInput.exportFilings, returns<FilingExport>(), '导出备案'),
  /** 企业人员培训结果: a page of results, 身份证号码 masked, newest start first (or as `sort` asks). */
  training: action(QueryInput.training, returns<TrainingPage>()),
  /** 详情: courses, hours, results, certificate. */
  trainingDetail: action(QueryInput.trainingDetail, returns<TrainingDetail>()),
})

/** Collections of the module and the indexes its queries use. */
export const QUERY_COLLECTIONS = {
  filings: [
    index({ filingNo: 1 }, { unique: true }),
    index({ order: -1 }),
    index({ district: 1, order: -1 }),
    index({ district: 1, street: 1, order: -1 }),
    index({ projectId: 1, order: -1 }),
    // sort by 备案名称 (备案日期 walks the `order` ones either way).
    index({ name: 1, _id: 1 }),
    index({ district: 1, name: 1, _id: 1 }),
    index({ district: 1, street: 1, name: 1, _id: 1 }),
  ],
  training_results: [
    // The list's own order; walked backwards, sort by 开始时间 ascending.
    index({ company: 1, startDate: -1, _id: 1 }),
    index({ company: 1, name: 1, _id: 1 }),
    index({ company: 1, totalHours: 1, _id: 1 }),
    index({ idNo: 1 }),
    index({ accountId: 1 }),
  ],
} as const
