import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId, momentField, requestId, shortText, textField, version } from './fields'
import type { Machine } from './machine'
import type { AuditRow } from './permissions'

/**
 * 安全检查 (manual §7; 深建物管〔2020〕15号). The operator publishes checks; while a check is
 * 进行中 the project's handler fills every item and submits, and the manager confirms or returns
 * it with a comment. 经办人只有填写权限: a submission counts only once confirmed.
 */
export type CheckKind = 'routine' | 'special'
export const CHECK_KINDS: Record<CheckKind, string> = {
  routine: '在线常规检查',
  special: '在线专项检查',
}

export interface CheckItem {
  /** Stable code of the item in the standard (e.g. XF-01). */
  _id: string
  text: string
  points: number
}

export interface CheckCategory {
  name: string
  items: CheckItem[]
}

/** A check published by the operator, in collection `safety_checks`. */
export interface SafetyCheck {
  _id: string
  kind: CheckKind
  title: string
  /** 住建 / 应急 / 消防 / 发改 … */
  issuer: string
  startAt: number
  endAt: number
  /** Who must fill it: projects in these districts, or these projects. */
  scope: { districts?: string[]; projectIds?: string[] }
  categories: CheckCategory[]
  totalPoints: number
  itemCount: number
  publishedAt: number
}

export type SubmissionStatus = 'draft' | 'awaitingConfirm' | 'returned' | 'confirmed'

/** The submission's life (domain.md › Workflows), as data. */
export const SUBMISSION_TRANSITIONS = {
  submit: {
    from: ['draft', 'returned'],
    to: 'awaitingConfirm',
    closes: 'fillSafetyCheck',
    opens: 'confirmSafetyCheck',
  },
  confirm: { from: ['awaitingConfirm'], to: 'confirmed', closes: 'confirmSafetyCheck' },
  return: {
    from: ['awaitingConfirm'],
    to: 'returned',
    closes: 'confirmSafetyCheck',
    opens: 'fillSafetyCheck',
  },
} as const satisfies Machine<SubmissionStatus>

/** What the list shows per project: 未填写 until the first answer is saved. */
export type ProjectCheckStatus = 'unfilled' | SubmissionStatus
export const STATUS_LABELS: Record<ProjectCheckStatus, string> = {
  unfilled: '未填写',
  draft: '草稿',
  awaitingConfirm: '待确认',
  returned: '已退回',
  confirmed: '已确认',
}

export const ANSWER_RESULTS = { ok: '无问题', problem: '有问题' } as const
export type AnswerResult = keyof typeof ANSWER_RESULTS
export const NOTE_MAX = 200
export const PHOTOS_MAX = 6

export interface Answer {
  result: AnswerResult
  note?: string
  /** Cloud-storage fileIDs of photos uploaded for this item by the project. */
  photos: string[]
}

/** One project's answers to one check, in collection `safety_submissions` (`_id` = check_project). */
export interface SafetySubmission {
  _id: string
  checkId: string
  projectId: string
  status: SubmissionStatus
  answers: Record<string, Answer>
  /** Totalled by the function on submission: the points of the items answered 无问题. */
  score?: number
  /** The manager's comment when returning it. */
  comment?: string
  version: number
  updatedAt: number
  submittedAt?: number
  submittedBy?: string
  submittedByName?: string
  confirmedAt?: number
}

export const submissionId = (checkId: string, projectId: string) => `${checkId}_${projectId}`

const answer = z
  .object({
    result: z.enum(['ok', 'problem'], { message: '请选择有问题或无问题' }),
    note: textField('说明', { max: NOTE_MAX }).optional(),
    photos: z
      .array(z.string().min(1).max(300))
      .max(PHOTOS_MAX, `每项最多${PHOTOS_MAX}张照片`)
      .default([]),
  })
  .strict()
  .refine((a) => a.result === 'ok' || (a.note ?? '').length > 0, {
    message: '有问题时请填写说明',
    path: ['note'],
  })

const itemCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '检查项编号格式错误')

/** A check as the operator publishes it (scripts/import-safety-check.ts; README › 安全检查). */
export const PublishedCheck = z
  .object({
    _id: docId,
    kind: z.enum(['routine', 'special'], { message: '检查类型无效' }),
    title: shortText(60, '检查名称'),
    issuer: shortText(40, '发布单位'),
    startAt: momentField('开始时间'),
    endAt: momentField('结束时间'),
    scope: z
      .object({
        districts: z.array(shortText(10, '行政区域')).max(20).optional(),
        projectIds: z.array(docId).max(5000).optional(),
      })
      .strict()
      .refine((s) => (s.districts?.length ?? 0) + (s.projectIds?.length ?? 0) > 0, {
        message: '请指定检查范围（行政区域或项目）',
        path: ['districts'],
      }),
    categories: z
      .array(
        z
          .object({
            name: shortText(20, '类别名称'),
            items: z
              .array(
                z
                  .object({
                    _id: itemCode,
                    text: shortText(200, '检查内容'),
                    points: z.number().int().min(0).max(100),
                  })
                  .strict(),
              )
              .min(1)
              .max(200),
          })
          .strict(),
      )
      .min(1)
      .max(30),
  })
  .strict()
  .refine((c) => c.endAt > c.startAt, { message: '结束时间须晚于开始时间', path: ['endAt'] })
  .refine(
    (c) => {
      const ids = c.categories.flatMap((x) => x.items.map((i) => i._id))
      return new Set(ids).size === ids.length
    },
    { message: '检查项编号重复', path: ['categories'] },
  )

/** A page of the list. */
export const SAFETY_PAGE_SIZE = 10
const target = { projectId: docId.optional(), checkId: docId }

/** safety actions' params. */
export const SafetyInput = {
  list: z
    .object({
      projectId: docId.optional(),
      tab: z.enum(['ongoing', 'ended'], { message: '选项无效' }),
      page: z.number().int().min(0).max(500).default(0),
    })
    .strict(),
  detail: z.object(target).strict(),
  /** Saves one item of the draft as the handler goes (creates the draft on the first one). */
  saveAnswer: z
    .object({ ...target, itemId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), answer })
    .strict(),
  /** A slot to upload one photo of an item to: the function decides where, so it owns the file. */
  photoSlot: z
    .object({
      ...target,
      itemId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
      ext: z.enum(['jpg', 'png'], { message: '仅支持 JPG 或 PNG 图片' }),
    })
    .strict(),
  /** H5 only: the photo's bytes (base64) for the slot, stored by the function. */
  uploadPhoto: z
    .object({
      ...target,
      cloudPath: z.string().min(1).max(300),
      dataBase64: z.string().min(1).max(1_400_000, '照片过大，请压缩后再上传'),
    })
    .strict(),
  submit: z.object({ ...target, version, requestId }).strict(),
  confirm: z.object({ ...target, version }).strict(),
  return: z.object({ ...target, version, comment: shortText(200, '退回意见') }).strict(),
  publishCheck: z.object({ check: PublishedCheck }).strict(),
}

export interface CheckRow {
  check: Omit<SafetyCheck, 'categories'>
  status: ProjectCheckStatus
  answered: number
  score?: number
}

export interface CheckPage {
  rows: CheckRow[]
  more: boolean
}

export interface CheckDetail {
  check: SafetyCheck
  submission: SafetySubmission | null
  /** Temporary URLs of the submission's photos, by fileID (for display). */
  photoUrls: Record<string, string>
  /** Whether the caller may still change answers (window open, not submitted or confirmed). */
  editable: boolean
  trail: AuditRow[]
}

export interface PhotoSlot {
  cloudPath: string
}

const fill = actionsFor(member('safety'))
const manage = actionsFor(member('safety', ['manager']))

export const SafetyContract = defineContract('safety', {
  list: fill(SafetyInput.list, returns<CheckPage>()),
  detail: fill(SafetyInput.detail, returns<CheckDetail>()),
  saveAnswer: fill(SafetyInput.saveAnswer, returns<{ answered: number; version: number }>()),
  photoSlot: fill(SafetyInput.photoSlot, returns<PhotoSlot>()),
  uploadPhoto: fill(SafetyInput.uploadPhoto, returns<{ fileID: string; url: string }>()),
  submit: fill(SafetyInput.submit, returns<SafetySubmission>(), '提交检查', { idempotent: true }),
  confirm: manage(SafetyInput.confirm, returns<SafetySubmission>(), '确认检查'),
  return: manage(SafetyInput.return, returns<SafetySubmission>(), '退回检查'),
  /** The operator publishes a check: every project in its scope gets a 填写 to-do. */
  publishCheck: {
    input: SafetyInput.publishCheck,
    access: { kind: 'operator' },
    output: returns<{ checkId: string; projects: number }>(),
    audit: '发布检查',
  },
})

export const SAFETY_COLLECTIONS = {
  safety_checks: [index({ endAt: -1, startAt: -1 })],
  /** `_id` = check_project; the index serves a project's list. */
  safety_submissions: [index({ projectId: 1, checkId: 1 })],
  /** Upload slots handed out by photoSlot: a saved answer may name only the caller's own. */
  uploads: [index({ cloudPath: 1 }, { unique: true })],
} as const
