import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { ROLE_LABELS } from './display'
import { docId } from './fields'

/**
 * 信用信息 (manual §6): the credit records the platform's operators (住建局, 街道) publish about the
 * people and firms of a project — basic information, 良好信息 and 不良信息. A bad record carries its
 * penalty and the last day it is shown (公示截止日期): after that day the function no longer returns
 * it, whatever the page asks.
 */
export const SUBJECT_TYPES = {
  company: '物业企业',
  manager: ROLE_LABELS.manager,
  director: '业委会主任',
  owner: '业主',
  secretary: '业委会执行秘书',
  supervisor: '业主监事（会）',
} as const
export type SubjectType = keyof typeof SUBJECT_TYPES
export const SUBJECT_TYPE_KEYS = Object.keys(SUBJECT_TYPES) as SubjectType[]

export type RecordKind = 'good' | 'bad'
export const RECORD_KINDS: Record<RecordKind, string> = { good: '良好信息', bad: '不良信息' }

/** Someone a record is about, in collection `credit_subjects`. */
export interface CreditSubject {
  _id: string
  type: SubjectType
  name: string
  /** The projects whose members see this subject. */
  projectIds: string[]
  /** 物业企业: 统一社会信用代码, 法定代表人, 信用等级. */
  uscc?: string
  legalPerson?: string
  grade?: string
  address?: string
  /** People: ID number and phone, full as recorded (answers carry them masked). */
  idNo?: string
  phone?: string
  /** 职务 / 身份 (项目经理, 业委会主任, 监事会召集人 …). */
  post?: string
  /** 业主: 房号. */
  room?: string
  /** 任期 / 任职起止 (dates). */
  termFrom?: string
  termTo?: string
  /** 从业资格 / 证书. */
  certificate?: string
  /** 业主监事会: its members (names only). */
  members?: string[]
}

/** A record, in collection `credit_records`. */
export interface CreditRecord {
  _id: string
  subjectId: string
  subjectType: SubjectType
  kind: RecordKind
  title: string
  facts: string
  /** 认定日期, 2026-03-10. */
  date: string
  /** 认定部门. */
  authority: string
  /** 文号. */
  docNo?: string
  /** Bad records: the penalty (通报批评, 记不良行为 …) and the last day it is shown. */
  penalty?: string
  showUntil?: string
}

/** A subject as answered: ID number and phone masked. */
export type SubjectView = CreditSubject

export type SubjectRow = Pick<CreditSubject, '_id' | 'type' | 'name' | 'post' | 'room' | 'grade'>

export interface SubjectPage {
  rows: SubjectRow[]
  more: boolean
}

export interface SubjectDetail {
  subject: SubjectView
  /** Records shown now (bad ones still within their display period). */
  counts: Record<RecordKind, number>
}

export interface RecordPage {
  rows: CreditRecord[]
  more: boolean
}

export const CREDIT_PAGE_SIZE = 20

const page = z.number().int().min(0).max(500).default(0)

export const CreditInput = {
  subjects: z
    .object({
      projectId: docId.optional(),
      type: z.enum(SUBJECT_TYPE_KEYS as [SubjectType, ...SubjectType[]], {
        message: '主体类型无效',
      }),
      page,
    })
    .strict(),
  subject: z.object({ projectId: docId.optional(), subjectId: docId }).strict(),
  records: z
    .object({
      projectId: docId.optional(),
      subjectId: docId,
      kind: z.enum(['good', 'bad'], { message: '信息类型无效' }),
      page,
    })
    .strict(),
}

const read = actionsFor(member('credit'))

export const CreditContract = defineContract('credit', {
  subjects: read(CreditInput.subjects, returns<SubjectPage>()),
  subject: read(CreditInput.subject, returns<SubjectDetail>()),
  records: read(CreditInput.records, returns<RecordPage>()),
})

export const CREDIT_COLLECTIONS = {
  credit_subjects: [index({ projectIds: 1, type: 1, name: 1 })],
  credit_records: [index({ subjectId: 1, kind: 1, date: -1 })],
} as const
