import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId, requestId, shortText, version } from './fields'
import type { Machine } from './machine'
import { PARKING_SECTIONS, ParkingDraftSchema, type ParkingDraft } from './parking/form'
import type { AuditRow } from './permissions'

/**
 * 车位信息公开 (manual §13; domain.md › Parking disclosure). A project's parking disclosure comes
 * in editions: one is drafted (kept on the server as it is typed, so another phone continues it),
 * submitted as the publicity sheet (公示单), then published or cancelled by a manager. The
 * published edition stays until the next one is published; every edition stays in the history.
 *
 * The form (parking/form.ts) and every rule (parking/rules.ts) are re-exported here, shared by the
 * page (live sums, the first wrong field) and the function (the rule that counts):
 * `validateParking` gives every field-level error in form order.
 */

export * from './parking/form'
export * from './parking/rules'

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

const work = actionsFor(member('parking'))
const manage = actionsFor(member('parking', ['manager']))

export const ParkingContract = defineContract('parking', {
  current: work(ParkingInput.current, returns<ParkingCurrent>()),
  edition: work(ParkingInput.edition, returns<EditionDetail>()),
  history: work(ParkingInput.history, returns<{ rows: EditionSummary[]; more: boolean }>()),
  saveDraft: work(
    ParkingInput.saveDraft,
    returns<{ editionId: string; edition: number; version: number; updatedAt: number }>(),
  ),
  submit: work(ParkingInput.submit, returns<ParkingEdition>(), '提交车位信息', {
    idempotent: true,
  }),
  publish: manage(ParkingInput.publish, returns<ParkingEdition>(), '发布车位信息', {
    idempotent: true,
  }),
  cancel: manage(ParkingInput.cancel, returns<ParkingEdition>(), '取消车位信息公示'),
})

export const PARKING_COLLECTIONS = {
  /** `_id` = project_eN; the index serves the history and the current/open lookups. */
  parking_editions: [index({ projectId: 1, edition: -1 }), index({ projectId: 1, status: 1 })],
} as const
