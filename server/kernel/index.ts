import * as cloud from 'wx-server-sdk'
import type { Account } from '../../types/account'
import { AppError, type Result } from '../../types/errors'
import type {
  Access,
  ActionName,
  ActionSpec,
  Contract,
  OutputOf,
  ParsedInputOf,
} from '../../types/contract'
import { authorize } from './access'
import { DOOR_LABELS, readIdentity, resolveCaller, type Identity } from './identity'
import { now } from './clock'
import { claimRequest, finishRequest, inputHash } from './idempotency'
import type { Tx } from './tx'
import { parseInput } from './validate'

export { AppError } from '../../types/errors'
export { now } from './clock'
export * from './db'
export { inTransaction, txGet, txRemove, type Tx } from './tx'
export type { Access } from './access'
export { findCaller, sessionEnd, type Door, type Identity } from './identity'
// The kernel's one entry: a cloud function imports only this file (test/unit/kernel-entry.test.ts),
// so what it may use is listed here and the files behind it stay free to change.
export { DAY, MINUTE } from './clock'
export { move, type Machine, type Versioned } from './machine'
export {
  claimKey,
  getAccount,
  keysOf,
  openidKey,
  phoneKey,
  releaseKey,
  transition,
} from './accounts'
export { notify, subscribeTemplates, tellManagers, type Notice } from './messaging'
export { checkCode, issueCode, useCode } from './verification'

// The typings declare DYNAMIC_CURRENT_ENV a symbol but init() a string: the SDK accepts both.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const db = cloud.database()
export const _ = db.command
export { cloud }

export interface AuditEntry {
  /** Defaults to the action's name. */
  action?: string
  /** How the trail names it; defaults to the contract's `audit` label of the action. */
  label?: string
  targetType: string
  targetId: string
  projectId?: string
  comment?: string
  detail?: Record<string, unknown>
}

export interface Ctx<
  C extends Account | null = Account | null,
  P extends string | undefined = string | undefined,
> {
  fn: string
  action: string
  /** The caller's WeChat OPENID; for a computer, that of the account it signed in as. */
  openid: string
  /** How the caller came in (小程序 / 电脑端 / not signed in) and from where. */
  who: Identity
  now: number
  /** The caller's account: never null for an action whose access needs an account. */
  caller: C
  /**
   * The project a member action acts on (checked against the caller's projects); undefined for an
   * action of no project (public, operator or account access), so it cannot pass for a real id.
   */
  projectId: P
  /** True when this idempotent request was claimed before by a call that died (crash, timeout). */
  retry: boolean
  /** Writes an audit row; inside `tx` when given, so it lands with the change it records. */
  audit(entry: AuditEntry, tx?: Tx): Promise<void>
}

/** The context of a member action: an account acting on one of its projects. */
export type MemberCtx = Ctx<Account, string>

type CallerOf<A extends Access> = A extends { kind: 'public' | 'operator' }
  ? Account | null
  : Account

type ProjectOf<A extends Access> = A extends { kind: 'member' } ? string : undefined

/** The implementation of a contract: one function per action, typed by the contract. */
export type Handlers<C extends Contract> = {
  [K in ActionName<C>]: (
    ctx: Ctx<CallerOf<C['actions'][K]['access']>, ProjectOf<C['actions'][K]['access']>>,
    input: ParsedInputOf<C, K>,
  ) => Promise<OutputOf<C, K>>
}

function auditWriter(
  fn: string,
  action: string,
  label: string | undefined,
  who: Identity,
  caller: Account | null,
  at: number,
  written: () => void,
) {
  return async (entry: AuditEntry, tx?: Tx) => {
    await (tx ?? db).collection('audit_log').add({
      data: {
        ...entry,
        action: entry.action ?? action,
        label: entry.label ?? label ?? entry.action ?? action,
        fn,
        at,
        actorId: caller?._id ?? null,
        actorName: caller?.name ?? null,
        actorRole: caller?.role ?? null,
        actorOpenid: who.openid,
        // Which door the change came through (审核信息: 小程序 / 电脑端).
        door: who.door === 'pc' ? DOOR_LABELS.pc : DOOR_LABELS.weapp,
      },
    })
    written()
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
 * Builds a cloud function's `main` from its contract (types/<module>.ts) and handlers: routes
 * `{action, ...params}` to the action, validates the params, finds the caller by OPENID, checks
 * access, runs it (once per `requestId` when idempotent), checks that a state-changing action left
 * its audit row, and maps every failure to `{ok:false, error:{code, message, fields?}}` — never a
 * stack trace.
 */
export function defineFunction<C extends Contract>(contract: C, handlers: Handlers<C>) {
  const specs = contract.actions as Record<string, ActionSpec>
  const run = handlers as unknown as Record<string, (ctx: Ctx, input: unknown) => Promise<unknown>>
  return async function main(event: unknown): Promise<Result<unknown>> {
    try {
      const { name, params } = splitEvent(event)
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(specs, name)) {
        throw new AppError('UNKNOWN_ACTION')
      }
      const spec = specs[name]
      const input = parseInput(spec.input, params)
      const at = now()
      const { caller, who } = await resolveCaller(readIdentity(), at)
      const { openid } = who
      const requested = (input as { projectId?: unknown }).projectId
      const projectId = authorize(spec.access, caller, requested, who, spec.phoneOnly)
      let audited = 0
      const ctx: Ctx = {
        fn: contract.fn,
        action: name,
        openid,
        who,
        now: at,
        caller,
        projectId,
        retry: false,
        audit: auditWriter(contract.fn, name, spec.audit, who, caller, at, () => audited++),
      }
      const execute = async () => {
        const data = await run[name](ctx, input)
        if (spec.audit && audited === 0 && !ctx.retry) {
          // A contract bug, not the caller's: the change is made, so say so loudly.
          console.error(`[kernel] ${contract.fn}.${name} changed data without an audit row`)
        }
        return data
      }
      if (!spec.idempotent) return { ok: true, data: await execute() }
      const requestId = (input as { requestId: string }).requestId
      const key = `${contract.fn}.${name}.${openid}.${requestId}`
      const claim = await claimRequest(key, at, inputHash(input as Record<string, unknown>))
      if (claim.earlier) return claim.earlier
      ctx.retry = claim.takenOver
      const result: Result<unknown> = await execute()
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
