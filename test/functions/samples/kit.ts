/**
 * Samples for the contract-driven tests (test/functions/contracts.test.ts): per module, for each
 * action of its contract, a valid input and — for an action that changes data — a happy path
 * that must leave the audit row its contract names. The type requires every action: a module
 * whose samples miss one does not compile, and the test fails for a module without samples.
 */
import type { ActionName, Contract, InputOf } from '../../../types/contract'
import type { ModuleCode } from '../../../types/modules'
import { PermissionsContract } from '../../../types/permissions'
import type { TestCloud } from '../../support/cloud'
import {
  bindAsHandler,
  caller,
  codeFor,
  expectOk,
  newRequestId,
  type Caller,
  type Reply,
} from '../helpers'

export interface Env {
  cloud: TestCloud
  /** A fresh WeChat and phone, never used before in this run. */
  fresh(): { openid: string; phone: string }
  /** A pending handler of 阳光花园. */
  pendingHandler(): Promise<{ openid: string; id: string; version: number }>
  /** An active handler of 阳光花园 holding `modules`. */
  activeHandler(modules: ModuleCode[]): Promise<{ openid: string; id: string; version: number }>
  /** Calls `contract`'s function through its contract (../caller.ts). */
  caller<C extends Contract>(contract: C): Caller<C>
}

export interface Sample<I = Record<string, unknown>> {
  /** A valid input (what a page would send), without `action`. */
  input: I
  /** The action only reads: the matrix also runs it for the callers its access lets in (ok). */
  readOnly?: boolean
  /** A read of a record the seed names afresh each day: the input, found through the functions. */
  liveInput?: (env: Env) => Promise<I>
  /**
   * A read that does not name its project: what the other project's manager sends (a record he
   * may see), since the sample's record is rightly not found for him.
   */
  otherProjectInput?: I
  /** For an action with an audit label: does it for real; resolves to the reply and the target. */
  happy?: (env: Env) => Promise<{ reply: Reply<unknown>; targetId: string }>
}

/** Each action's sample, its input typed by the contract: a renamed field fails to compile. */
export type Samples<C extends Contract> = { [K in ActionName<C>]: Sample<InputOf<C, K>> }

export function makeEnv(cloud: TestCloud, prefix: string): Env {
  let n = 0
  const fresh = () => {
    n++
    return {
      openid: `o-${prefix}-${n}`,
      phone: `1330${prefix.length}${String(n).padStart(6, '0')}`,
    }
  }
  const permissions = caller(cloud, PermissionsContract)
  async function pendingHandler() {
    const { openid, phone } = fresh()
    const s = expectOk(await bindAsHandler(cloud, openid, '样例经办', phone))
    return { openid, id: s.account!._id, version: 1 }
  }
  async function activeHandler(modules: ModuleCode[]) {
    const h = await pendingHandler()
    const row = expectOk(
      await permissions('authorize', { accountId: h.id, version: 1, modules }, 'demo-manager'),
    )
    return { ...h, version: row.version }
  }
  const callerOf = <C extends Contract>(contract: C) => caller(cloud, contract)
  return { cloud, fresh, pendingHandler, activeHandler, caller: callerOf }
}

export { codeFor, newRequestId }
