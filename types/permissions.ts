import { z } from 'zod'
import type { AccountStatus } from './account'
import { docId, phone, requestId, shortText, smsCode, version } from './fields'
import { GRANTABLE_MODULES, type ModuleCode } from './modules'

const grantable = z.enum(GRANTABLE_MODULES as unknown as [ModuleCode, ...ModuleCode[]], {
  message: '模块无效',
})
const moduleList = z
  .array(grantable)
  .min(1, '请至少选择一个模块')
  .max(GRANTABLE_MODULES.length)
  .refine((m) => new Set(m).size === m.length, '模块重复')
const target = { accountId: docId, version, projectId: docId.optional() }

/** permissions (权限管理) actions' params. */
export const PermissionsInput = {
  contacts: z.object({ projectId: docId.optional() }).strict(),
  listHandlers: z
    .object({
      projectId: docId.optional(),
      status: z.enum(['pending', 'active'], { message: '状态无效' }).optional(),
    })
    .strict(),
  authorize: z.object({ ...target, modules: moduleList }).strict(),
  reject: z.object({ ...target, reason: shortText(100, '驳回原因') }).strict(),
  setModules: z.object({ ...target, modules: moduleList }).strict(),
  removeHandler: z.object(target).strict(),
  auditTrail: z
    .object({
      projectId: docId.optional(),
      accountId: docId.optional(),
      page: z.number().int().min(0).max(1000).default(0),
    })
    .strict(),
  sendPhoneCode: z.object({ phone }).strict(),
  changePhone: z.object({ phone, code: smsCode, requestId }).strict(),
  deregister: z.object({ confirm: z.literal(true, { message: '请确认注销' }) }).strict(),
  unbind: z.object({}).strict(),
}

export interface Contact {
  _id: string
  kind: 'companyHead' | 'manager'
  name: string
  phone: string
  title: string
  company?: string
  avatar?: string
}

export interface HandlerRow {
  _id: string
  name: string
  phone: string
  status: AccountStatus
  modules: ModuleCode[]
  category: 'property' | 'committee'
  createdAt: number
  version: number
}

export interface AuditRow {
  _id: string
  action: string
  actorName: string | null
  actorRole: string | null
  targetId: string
  comment?: string
  detail?: Record<string, unknown>
  at: number
}

/** Audit actions as the trail shows them. */
export const AUDIT_LABELS: Record<string, string> = {
  bindManager: '负责人认证',
  requestBinding: '申请绑定',
  authorize: '授权',
  reject: '驳回',
  setModules: '调整模块',
  removeHandler: '移除经办人',
  changePhone: '更换手机号',
  deregister: '注销账号',
  unbind: '解除绑定',
}

export const AUDIT_PAGE_SIZE = 20
