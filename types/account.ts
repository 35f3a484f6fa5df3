import type { Machine } from './machine'
import type { ModuleCode, SubscribeTemplate } from './modules'

export type Role = 'handler' | 'manager'
export type AccountStatus = 'pending' | 'active' | 'rejected' | 'unbound' | 'deregistered'

/** Handler account state machine (domain.md › Workflows), as data. */
export const ACCOUNT_TRANSITIONS = {
  authorize: { from: ['pending'], to: 'active', closes: 'authorizeHandler' },
  reject: { from: ['pending'], to: 'rejected', closes: 'authorizeHandler' },
  /** The manager changes which modules an active handler holds. */
  grant: { from: ['active'], to: 'active' },
  changePhone: { from: ['active'], to: 'active' },
  /** This WeChat lets go of the account; a rejected request is closed the same way on re-applying. */
  unbind: { from: ['active', 'pending', 'rejected'], to: 'unbound', closes: 'authorizeHandler' },
  remove: { from: ['active'], to: 'unbound' },
  deregister: { from: ['active', 'pending'], to: 'deregistered', closes: 'authorizeHandler' },
} as const satisfies Machine<AccountStatus>

export type AccountEvent = keyof typeof ACCOUNT_TRANSITIONS

/** A platform account, in collection `accounts`. Bound to at most one WeChat OPENID. */
export interface Account {
  _id: string
  openid: string | null
  role: Role
  status: AccountStatus
  name: string
  phone: string
  /** Projects this account works for: one for a handler, one or more for a manager. */
  projectIds: string[]
  /** Granted modules (handlers). Managers hold every module. */
  modules: ModuleCode[]
  /** 物业服务 or 业委会人员 as chosen at 身份认证. */
  category: 'property' | 'committee'
  avatar?: string
  rejectReason?: string
  rejectedAt?: number
  createdAt: number
  updatedAt: number
  /** Optimistic-concurrency counter: every change bumps it and is conditional on it. */
  version: number
}

/**
 * Subscribe-message template ids the environment has configured (README › Deploying), by the
 * template's name in its module's registry entry (types/modules.ts `subscribe`).
 */
export type SubscribeTemplates = Partial<Record<SubscribeTemplate, string>>

/** What `binding.me` returns: who the caller is and what the home page may show. */
export interface Session {
  status: 'none' | AccountStatus
  account: Pick<
    Account,
    '_id' | 'role' | 'status' | 'name' | 'phone' | 'projectIds' | 'rejectReason'
  > | null
  projects: { _id: string; name: string; code: string }[]
  modules: ModuleCode[]
  /** Templates the page asks the user to subscribe to, on a tap (WeChat allows it only then). */
  subscribe: SubscribeTemplates
}

/**
 * 电脑端登录: a computer signed in to an account (collection `pc_sessions`, `_id` = the
 * custom-login user id its web login carries). Opened by pclogin when a phone confirms; every
 * call from it is resolved to the account by the kernel (server/kernel/identity.ts) while it lasts.
 */
export interface PcSessionDoc {
  _id: string
  accountId: string
  ip: string
  createdAt: number
  lastSeenAt: number
  /** 0 while open. */
  endedAt: number
  endedBy?: 'self' | 'phone'
}

/** How long a computer stays signed in (README › 电脑端). */
export const PC_SESSION = {
  /** A session ends after this long without a call… */
  idleMs: 2 * 60 * 60 * 1000,
  /** …and at the latest this long after sign-in. */
  maxMs: 7 * 24 * 60 * 60 * 1000,
  /** last seen is written at most this often (a read-mostly session costs no write per call). */
  touchEveryMs: 60 * 1000,
} as const
