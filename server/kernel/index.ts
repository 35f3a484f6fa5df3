import * as cloud from 'wx-server-sdk'
import type { z } from 'zod'
import type { Account } from '../../types/account'
import { BOUND_STATUSES } from './accounts'
import { AppError, type Result } from '../../types/errors'
import { authorize, type Access } from './access'
import { first } from './db'
import { now } from './clock'
import { claimRequest, finishRequest } from './idempotency'
import type { Tx } from './tx'
import { parseInput } from './validate'

export { AppError } from '../../types/errors'
export { now } from './clock'
export * from './db'
export { inTransaction, txGet, txRemove, type Tx } from './tx'
export type { Access } from './access'

// The typings declare DYNAMIC_CURRENT_ENV a symbol but init() a string: the SDK accepts both.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const db = cloud.database()
export const _ = db.command
export { cloud }

export interface AuditEntry {
  action: string
  targetType: string
  targetId: string
  projectId?: string
  comment?: string
  detail?: Record<string, unknown>
}

export interface Ctx {
  fn: string
  action: string
  openid: string
  now: number
  caller: Account | null
  /** The project a member action acts on (checked against the caller's projects). */
  projectId: string
  /** True when this idempotent request was claimed before by a call that died (crash, timeout). */
  retry: boolean
  /** Writes an audit row; inside `tx` when given, so it lands with the change it records. */
  audit(entry: AuditEntry, tx?: Tx): Promise<void>
}

export interface ActionDef<S extends z.ZodTypeAny, R> {
  input: S
  access: Access
  /** Needs a client-chosen `requestId`; a repeated call returns the first call's result. */
  idempotent?: boolean
  run(ctx: Ctx, input: z.infer<S>): Promise<R>
}

export function action<S extends z.ZodTypeAny, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def
}

export async function findCaller(openid: string): Promise<Account | null> {
  if (!openid) return null
  return first<Account>(
    db.collection('accounts').where({ openid, status: _.in([...BOUND_STATUSES]) }),
  )
}

function auditWriter(fn: string, openid: string, caller: Account | null, at: number) {
  return async (entry: AuditEntry, tx?: Tx) => {
    await (tx ?? db).collection('audit_log').add({
      data: {
        ...entry,
        fn,
        at,
        actorId: caller?._id ?? null,
        actorName: caller?.name ?? null,
        actorRole: caller?.role ?? null,
        actorOpenid: openid,
      },
    })
  }
}

function splitEvent(event: unknown): { name: unknown; params: Record<string, unknown> } {
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    throw new AppError('BAD_INPUT', '请求格式错误')
  }
  // userInfo is stamped by the WeChat runtime on client calls; identity comes from getWXContext().
  const { action: name, userInfo: _userInfo, ...params } = event as Record<string, unknown>
  return { name, params }
}

/**
 * Builds a cloud function's `main`: routes `{action, ...params}` to the action, validates the
 * params, finds the caller by OPENID, checks access, and maps every failure to
 * `{ok:false, error:{code, message, fields?}}` — never a stack trace.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineFunction(fn: string, actions: Record<string, ActionDef<any, unknown>>) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    try {
      const { name, params } = splitEvent(event)
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
        throw new AppError('UNKNOWN_ACTION')
      }
      const def = actions[name]
      const input = parseInput(def.input, params)
      const { OPENID } = cloud.getWXContext()
      const openid = OPENID == null ? '' : String(OPENID)
      const caller = await findCaller(openid)
      const projectId = authorize(def.access, caller, (input as { projectId?: unknown }).projectId)
      const at = now()
      const ctx: Ctx = {
        fn,
        action: name,
        openid,
        now: at,
        caller,
        projectId: projectId ?? '',
        retry: false,
        audit: auditWriter(fn, openid, caller, at),
      }
      if (!def.idempotent) return { ok: true, data: await def.run(ctx, input) }
      const requestId = (input as { requestId: string }).requestId
      const key = `${fn}.${name}.${openid}.${requestId}`
      const claim = await claimRequest(key, at)
      if (claim.earlier) return claim.earlier
      ctx.retry = claim.takenOver
      const result: Result<unknown> = await def
        .run(ctx, input)
        .then((data) => ({ ok: true as const, data }))
        .catch((err: unknown) => toFailure(err))
      await finishRequest(key, result)
      return result
    } catch (err) {
      return toFailure(err)
    }
  }
}

function toFailure(err: unknown): { ok: false; error: ReturnType<AppError['toBody']> } {
  if (err instanceof AppError) return { ok: false, error: err.toBody() }
  console.error('[kernel] unexpected error', err)
  return { ok: false, error: new AppError('INTERNAL').toBody() }
}
