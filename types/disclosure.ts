import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import {
  dateField,
  docId,
  isDate,
  requestId,
  shortText,
  sortField,
  textField,
  version,
  type ListSort,
} from './fields'
import type { Machine } from './machine'
import type { AuditRow } from './permissions'

/**
 * 信息公开 (manual §8): a project's notices to its owners. A member holding the module publishes
 * a notice (category, title, content, validity, attachments); a notice past its validity shows as
 * 已过期; an outdated one is 作废 with a reason (it stays listed, marked voided); a wrong one is
 * 删除 (gone from the list and the statistics, kept in the audit trail).
 */
export const NOTICE_CATEGORIES = [
  '财务收支',
  '维修资金使用',
  '公共收益',
  '合同订立',
  '服务标准',
  '收费标准',
  '设施设备维护',
  '通知公告',
  '其他',
] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export type NoticeStatus = 'published' | 'voided' | 'deleted'

/** A notice's life (domain.md › Workflows), as data. */
export const NOTICE_TRANSITIONS = {
  void: { from: ['published'], to: 'voided' },
  remove: { from: ['published'], to: 'deleted' },
} as const satisfies Machine<NoticeStatus>

/** What a reader sees: a published notice past its validity is 已过期. */
export type NoticeState = 'active' | 'expired' | 'voided'
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  active: '公示中',
  expired: '已过期',
  voided: '已作废',
}

export const ATTACHMENT_KINDS = { jpg: 'image', png: 'image', pdf: 'pdf' } as const
export type AttachmentExt = keyof typeof ATTACHMENT_KINDS

export interface Attachment {
  fileID: string
  /** The file's name as the user chose it (shown and used for downloads). */
  name: string
  kind: 'image' | 'pdf'
  size: number
}

/** A notice, in collection `notices`. */
export interface Notice {
  _id: string
  projectId: string
  category: NoticeCategory
  title: string
  content: string
  /** Validity, YYYY-MM-DD (China Standard Time), both days included. */
  validFrom: string
  validUntil: string
  /** The end of validUntil (ms): a published notice is 已过期 from then on. */
  expiresAt: number
  attachments: Attachment[]
  status: NoticeStatus
  version: number
  publishedAt: number
  publishedBy: string
  publishedByName: string
  updatedAt: number
  voidedAt?: number
  voidedByName?: string
  voidReason?: string
  deletedAt?: number
  deletedByName?: string
}

export const NOTICE_PAGE_SIZE = 10
export const ATTACHMENTS_MAX = 9
/** Largest attachment (images and PDF). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
/** H5 sends an attachment in parts of at most this many bytes (a function call carries < 1 MB). */
export const ATTACHMENT_PART_BYTES = 512 * 1024
export const ATTACHMENT_PARTS_MAX = ATTACHMENT_MAX_BYTES / ATTACHMENT_PART_BYTES
export const TITLE_MAX = 60
export const CONTENT_MAX = 5000
/** Longest validity period, in days. */
export const VALIDITY_MAX_DAYS = 5 * 366

const date = (label: string) => dateField(label, { earliest: '2000-01-01' })

const CST = 8 * 3600_000
const DAY = 86_400_000
/** YYYY-MM-DD of `at` in China Standard Time. */
export function chinaDay(at: number): string {
  return new Date(at + CST).toISOString().slice(0, 10)
}
/** The first moment of the day `day` (YYYY-MM-DD) in China Standard Time. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`)
}
/** The first moment of the next day: a notice valid until `day` expires then. */
export const dayEnd = (day: string) => dayStart(day) + DAY
/** The first day of `at`'s month, China Standard Time. */
export const monthStartDay = (at: number) => `${chinaDay(at).slice(0, 8)}01`

const category = z.enum(NOTICE_CATEGORIES, { message: '请选择公开类别' })
const fileName = textField('文件名', { max: 80, required: true }).refine(
  (s) => !/[\\/]/.test(s),
  '文件名包含无效字符',
)
const cloudPath = z.string().min(1).max(300)

/** The rules of a notice's fields, shared by the form (inline) and publish (the rule that counts). */
export const NoticeFields = z
  .object({
    projectId: docId.optional(),
    category,
    title: shortText(TITLE_MAX, '标题'),
    content: textField('内容', { max: CONTENT_MAX, required: true, multiline: true }),
    validFrom: date('有效期开始日期'),
    validUntil: date('有效期结束日期'),
    attachments: z
      .array(z.object({ fileID: z.string().min(1).max(400), name: fileName }).strict())
      .max(ATTACHMENTS_MAX, `最多${ATTACHMENTS_MAX}个附件`)
      .refine((a) => new Set(a.map((x) => x.fileID)).size === a.length, '附件重复')
      .default([]),
    requestId,
  })
  .strict()

/**
 * The rules between the dates (need today, YYYY-MM-DD in China Standard Time): the period in
 * order, not over already, at most VALIDITY_MAX_DAYS long.
 */
export function validityErrors(
  validFrom: string,
  validUntil: string,
  today: string,
): Record<string, string> {
  if (!isDate(validFrom) || !isDate(validUntil)) return {}
  if (validUntil < validFrom) return { validUntil: '结束日期不能早于开始日期' }
  if (validUntil < today) return { validUntil: '有效期已过，不能发布已过期的信息' }
  if ((dayStart(validUntil) - dayStart(validFrom)) / DAY > VALIDITY_MAX_DAYS) {
    return { validUntil: '有效期不能超过5年' }
  }
  return {}
}

/**
 * The orders the list takes besides its own (newest first): by 发布日期 or 有效期至, the fields
 * the table shows (a YYYY-MM-DD string sorts as its day). Each has its index below.
 */
export const NOTICE_SORTS = ['publishedAt', 'validUntil'] as const
export type NoticeSort = ListSort<(typeof NOTICE_SORTS)[number]>

/** disclosure actions' params. */
export const DisclosureInput = {
  stats: z.object({ projectId: docId.optional() }).strict(),
  list: z
    .object({
      projectId: docId.optional(),
      category: category.optional(),
      state: z.enum(['active', 'expired', 'voided'], { message: '状态无效' }).optional(),
      /** Published on or after this day / on or before this day (China Standard Time). */
      from: dateField('开始日期').optional(),
      to: dateField('结束日期').optional(),
      page: z.number().int().min(0).max(500).default(0),
      /** The whole list in this order (ties by _id, so pages neither repeat nor skip a notice). */
      sort: sortField(NOTICE_SORTS),
    })
    .strict(),
  detail: z.object({ projectId: docId.optional(), noticeId: docId }).strict(),
  /** A place to upload one attachment to: the function decides where, so it owns the file. */
  attachmentSlot: z
    .object({
      projectId: docId.optional(),
      name: fileName,
      ext: z.enum(['jpg', 'png', 'pdf'], { message: '仅支持 JPG、PNG 图片或 PDF 文件' }),
      size: z
        .number()
        .int()
        .min(1, '文件为空')
        .max(ATTACHMENT_MAX_BYTES, `附件不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB`),
    })
    .strict(),
  /** H5 only: one part of the attachment's bytes (base64), in order; the last one stores it. */
  uploadAttachment: z
    .object({
      projectId: docId.optional(),
      cloudPath,
      part: z
        .number()
        .int()
        .min(0)
        .max(ATTACHMENT_PARTS_MAX - 1),
      parts: z.number().int().min(1).max(ATTACHMENT_PARTS_MAX),
      dataBase64: z
        .string()
        .min(1)
        .max(Math.ceil(ATTACHMENT_PART_BYTES / 3) * 4, '分片过大'),
    })
    .strict(),
  /**
   * WeChat only: after the page uploaded a file itself to its slot, the function keeps a copy
   * that no phone can write; that copy's fileID is what a notice names.
   */
  keepAttachment: z
    .object({ projectId: docId.optional(), cloudPath, fileID: z.string().min(1).max(400) })
    .strict(),
  publish: NoticeFields,
  void: z
    .object({
      projectId: docId.optional(),
      noticeId: docId,
      version,
      reason: shortText(200, '作废原因'),
    })
    .strict(),
  remove: z
    .object({
      projectId: docId.optional(),
      noticeId: docId,
      version,
      confirm: z.literal(true, { errorMap: () => ({ message: '请确认删除' }) }),
    })
    .strict(),
}

export interface NoticeRow extends Omit<Notice, 'content'> {
  state: NoticeState
}

export interface NoticeStats {
  /**
   * Notices published and not deleted: 公示中, 已过期 and 已作废 — what the categories count too
   * (a voided notice was published, and stays listed).
   */
  published: number
  active: number
  expired: number
  voided: number
  /** Published this month (China Standard Time), voided or not. */
  thisMonth: number
  /** The first day of this month, for the list's filter. */
  monthStart: string
  byCategory: { category: NoticeCategory; count: number }[]
}

export interface NoticeDetail {
  notice: Notice & { state: NoticeState }
  /** Temporary URLs of the attachments, by fileID. */
  urls: Record<string, string>
  trail: AuditRow[]
}

const work = actionsFor(member('disclosure'))

export const DisclosureContract = defineContract('disclosure', {
  stats: work(DisclosureInput.stats, returns<NoticeStats>()),
  list: work(DisclosureInput.list, returns<{ rows: NoticeRow[]; more: boolean }>()),
  detail: work(DisclosureInput.detail, returns<NoticeDetail>()),
  attachmentSlot: work(DisclosureInput.attachmentSlot, returns<{ cloudPath: string }>()),
  uploadAttachment: work(
    DisclosureInput.uploadAttachment,
    returns<{ received: number; fileID: string | null; url: string | null }>(),
  ),
  keepAttachment: work(
    DisclosureInput.keepAttachment,
    returns<{ fileID: string; url: string | null }>(),
  ),
  publish: work(DisclosureInput.publish, returns<Notice>(), '发布信息公开', { idempotent: true }),
  void: work(DisclosureInput.void, returns<Notice>(), '作废信息公开'),
  remove: work(DisclosureInput.remove, returns<{ noticeId: string }>(), '删除信息公开'),
})

export const DISCLOSURE_COLLECTIONS = {
  notices: [
    index({ projectId: 1, publishedAt: -1 }),
    index({ projectId: 1, category: 1, publishedAt: -1 }),
    // The list's `sort`, its _id the tie-breaker; each serves both directions.
    index({ projectId: 1, publishedAt: 1, _id: 1 }),
    index({ projectId: 1, validUntil: 1, _id: 1 }),
  ],
  /** Upload slots handed out by attachmentSlot: a notice may name only the caller's own. */
  notice_uploads: [index({ cloudPath: 1 }, { unique: true }), index({ fileID: 1 })],
} as const
