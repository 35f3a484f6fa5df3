import { z } from 'zod'
import { PC_SESSION } from './account'
import { defineContract, returns } from './contract'

export type { PcSessionDoc } from './account'

/**
 * 电脑端登录 (manual §2): a computer signs in by showing a mini program code that a bound phone
 * scans and confirms. The code names a one-time login request (its `_id`, public: anyone near the
 * screen sees it); collecting the session needs the request's secret, which only the computer that
 * asked holds. A confirmed request becomes a session: the computer signs in to the CloudBase web
 * SDK with a custom-login ticket whose user id is the session's `_id`, and every later call is
 * resolved by the kernel from that id to the account (server/kernel/identity.ts).
 */
export const PC_LOGIN = {
  ...PC_SESSION,
  /** How long a login request (the code on screen) can be confirmed. */
  requestTtlMs: 2 * 60 * 1000,
  /** Login requests one computer (its IP) may open in `quotaWindowMs`. */
  requestsPerWindow: 10,
  quotaWindowMs: 10 * 60 * 1000,
  /** The mini program page the code opens (`scene` = the request's id). */
  confirmPage: 'pages/pclogin/index',
} as const

/** Ids: the request's (in a mini program code's `scene`: ≤ 32 characters) and the session's. */
const loginId = z.string().regex(/^[A-Za-z0-9]{20,32}$/, '登录码无效')
const sessionId = z.string().regex(/^pc[A-Za-z0-9]{20,30}$/, '会话编号无效')
const secret = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, '登录凭据无效')

export const PcLoginInput = {
  request: z.object({}).strict(),
  poll: z.object({ loginId, secret }).strict(),
  peek: z.object({ loginId }).strict(),
  approve: z.object({ loginId }).strict(),
  cancel: z.object({ loginId }).strict(),
  sessions: z.object({}).strict(),
  endSession: z.object({ sessionId }).strict(),
  logout: z.object({}).strict(),
}

export type PcLoginStatus = 'pending' | 'approved' | 'cancelled' | 'used'

/** A login request, in collection `pc_logins` (`_id` = the code's scene). */
export interface PcLoginDoc {
  _id: string
  /** sha256 of the secret the computer holds. */
  secretHash: string
  status: PcLoginStatus
  /** The anonymous web user that asked (its CloudBase uid): only it may collect the session. */
  requesterUid: string
  ip: string
  createdAt: number
  expiresAt: number
  accountId?: string
  /** The session the request becomes, chosen when the phone confirms. */
  sessionId?: string
  decidedAt?: number
}

export interface LoginCode {
  loginId: string
  secret: string
  expiresAt: number
  /** The mini program code as a data URL (image/png or image/jpeg). */
  image: string
}

/** What the computer learns when it polls. */
export type PollAnswer =
  | { status: 'pending'; expiresAt: number }
  | { status: 'cancelled' | 'expired' }
  | { status: 'approved'; ticket: string; name: string }

/** What the phone shows before 确认登录. */
export interface LoginPeek {
  loginId: string
  createdAt: number
  expiresAt: number
  ip: string
  status: PcLoginStatus | 'expired'
}

export interface PcSessionView {
  _id: string
  ip: string
  createdAt: number
  lastSeenAt: number
  /** The session this call comes from. */
  current: boolean
}

const VISITOR = { kind: 'visitor' } as const
const SIGNED_IN = { kind: 'account', statuses: ['active', 'pending'] } as const

export const PcLoginContract = defineContract('pclogin', {
  /** The computer asks for a code (before sign-in, as an anonymous web user). */
  request: { input: PcLoginInput.request, access: VISITOR, output: returns<LoginCode>() },
  /** The computer asks whether the phone decided; once approved, it gets its ticket (once). */
  poll: { input: PcLoginInput.poll, access: VISITOR, output: returns<PollAnswer>() },
  /** The phone reads what it is about to approve. */
  peek: {
    input: PcLoginInput.peek,
    access: { kind: 'account', statuses: ['active'] },
    phoneOnly: true,
    output: returns<LoginPeek>(),
  },
  approve: {
    input: PcLoginInput.approve,
    access: { kind: 'account', statuses: ['active'] },
    phoneOnly: true,
    output: returns<{ approved: true }>(),
    audit: '确认电脑端登录',
  },
  cancel: {
    input: PcLoginInput.cancel,
    access: { kind: 'account', statuses: ['active'] },
    phoneOnly: true,
    output: returns<{ cancelled: true }>(),
    audit: '拒绝电脑端登录',
  },
  /** 我的账号 › 电脑端登录: the computers signed in to this account. */
  sessions: { input: PcLoginInput.sessions, access: SIGNED_IN, output: returns<PcSessionView[]>() },
  endSession: {
    input: PcLoginInput.endSession,
    access: SIGNED_IN,
    output: returns<{ ended: true }>(),
    audit: '退出电脑端登录',
  },
  /** The computer's own 退出登录. */
  logout: {
    input: PcLoginInput.logout,
    access: SIGNED_IN,
    output: returns<{ ended: true }>(),
    audit: '退出电脑端登录',
  },
})

export const PCLOGIN_COLLECTIONS = {
  pc_logins: [{ fields: [['expiresAt', 1]] }],
  /** Login requests per computer (IP) and window (`_id` = `ip-…`). */
  pc_login_quota: [],
} as const
