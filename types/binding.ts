import { z } from 'zod'
import type { Session } from './account'
import { defineContract, returns } from './contract'
import { docId, personName, phone, requestId, shortText, smsCode } from './fields'

/** binding (身份绑定) actions' params. */
export const BindingInput = {
  me: z.object({}).strict(),
  sendCode: z.object({ phone }).strict(),
  searchProjects: z.object({ keyword: shortText(30, '小区名称或项目编号') }).strict(),
  submit: z
    .object({
      category: z.enum(['property', 'committee'], { message: '请选择人员类别' }),
      name: personName,
      phone,
      code: smsCode,
      projectId: docId.optional(),
      requestId,
    })
    .strict(),
}

export type SubmitBindingInput = z.infer<typeof BindingInput.submit>

export interface ProjectSummary {
  _id: string
  code: string
  name: string
  district: string
  street: string
}

export interface SendCodeResult {
  /** Seconds until another code may be requested. */
  resendAfter: number
}

const PUBLIC = { kind: 'public' } as const

/** 身份绑定: who am I, verification codes, binding this WeChat to a platform account. */
export const BindingContract = defineContract('binding', {
  me: { input: BindingInput.me, access: PUBLIC, output: returns<Session>() },
  sendCode: {
    input: BindingInput.sendCode,
    access: PUBLIC,
    phoneOnly: true,
    output: returns<SendCodeResult>(),
  },
  searchProjects: {
    input: BindingInput.searchProjects,
    access: PUBLIC,
    phoneOnly: true,
    output: returns<ProjectSummary[]>(),
  },
  submit: {
    input: BindingInput.submit,
    access: PUBLIC,
    phoneOnly: true,
    output: returns<Session>(),
    idempotent: true,
    // The trail's label of a handler's request; a manager's own binding is 负责人认证.
    audit: '申请绑定',
  },
})
