import { z } from 'zod'
import type { AccountStatus } from './account'
import { actionsFor, defineContract, returns } from './contract'
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
  /** How the trail names the action (from the contract that wrote it). */
  label?: string
  actorName: string | null
  actorRole: string | null
  targetId: string
  comment?: string
  detail?: Record<string, unknown>
  at: number
  /** Which door the change came through: 小程序 or 电脑端 (rows written before it have none). */
  door?: string
}

export const AUDIT_PAGE_SIZE = 20

/** Any module's members (权限管理 is every account's): the contacts; a manager, the handlers. */
const read = actionsFor({ kind: 'member' } as const)
const manage = actionsFor({ kind: 'member', roles: ['manager'] } as const)
const HANDLER = { kind: 'member', roles: ['handler'] } as const

/** 权限管理: contacts, the manager's handler administration, a handler's own account. */
export const PermissionsContract = defineContract('permissions', {
  contacts: read(PermissionsInput.contacts, returns<Contact[]>()),
  listHandlers: manage(PermissionsInput.listHandlers, returns<HandlerRow[]>()),
  authorize: manage(PermissionsInput.authorize, returns<HandlerRow>(), '授权'),
  reject: manage(PermissionsInput.reject, returns<HandlerRow>(), '驳回'),
  setModules: manage(PermissionsInput.setModules, returns<HandlerRow>(), '调整模块'),
  removeHandler: manage(PermissionsInput.removeHandler, returns<HandlerRow>(), '移除经办人'),
  auditTrail: manage(PermissionsInput.auditTrail, returns<AuditRow[]>()),
  sendPhoneCode: {
    input: PermissionsInput.sendPhoneCode,
    access: HANDLER,
    phoneOnly: true,
    output: returns<{ resendAfter: number }>(),
  },
  changePhone: {
    input: PermissionsInput.changePhone,
    access: HANDLER,
    phoneOnly: true,
    output: returns<{ phone: string }>(),
    idempotent: true,
    audit: '更换手机号',
  },
  deregister: {
    input: PermissionsInput.deregister,
    access: { kind: 'account', statuses: ['active', 'pending'] },
    phoneOnly: true,
    output: returns<{ status: 'deregistered' }>(),
    audit: '注销账号',
  },
  unbind: {
    input: PermissionsInput.unbind,
    access: { kind: 'account', statuses: ['active', 'pending', 'rejected'] },
    phoneOnly: true,
    output: returns<{ status: 'unbound' }>(),
    audit: '解除绑定',
  },
})
