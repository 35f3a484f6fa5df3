/**
 * Samples for the contract-driven tests (test/functions/contracts.test.ts): per module, for each
 * action of its contract, a valid input and — for an action that changes data — a happy path
 * that must leave the audit row its contract names. The type requires every action: a module
 * whose samples miss one does not compile, and the test fails for a module without samples.
 */
import type { ActionName, Contract } from '../../../types/contract'
import type { TestCloud } from '../../support/cloud'
import { bindAsHandler, codeFor, expectOk, newRequestId, type Reply } from '../helpers'

export interface Env {
  cloud: TestCloud
  /** A fresh WeChat and phone, never used before in this run. */
  fresh(): { openid: string; phone: string }
  /** A pending handler of 阳光花园. */
  pendingHandler(): Promise<{ openid: string; id: string; version: number }>
  /** An active handler of 阳光花园 holding `modules`. */
  activeHandler(modules: string[]): Promise<{ openid: string; id: string; version: number }>
  call(fn: string, event: Record<string, unknown>, openid: string): Promise<Reply>
}

export interface Sample {
  /** A valid input (what a page would send), without `action`. */
  input: Record<string, unknown>
  /** The action only reads: the matrix also runs it for the callers its access lets in (ok). */
  readOnly?: boolean
  /** A read of a record the seed names afresh each day: the input, found through the functions. */
  liveInput?: (env: Env) => Promise<Record<string, unknown>>
  /**
   * A read that does not name its project: what the other project's manager sends (a record he
   * may see), since the sample's record is rightly not found for him.
   */
  otherProjectInput?: Record<string, unknown>
  /** For an action with an audit label: does it for real; resolves to the reply and the target. */
  happy?: (env: Env) => Promise<{ reply: Reply; targetId: string }>
}

export type Samples<C extends Contract> = { [K in ActionName<C>]: Sample }

export function makeEnv(cloud: TestCloud, prefix: string): Env {
  let n = 0
  const fresh = () => {
    n++
    return {
      openid: `o-${prefix}-${n}`,
      phone: `1330${prefix.length}${String(n).padStart(6, '0')}`,
    }
  }
  const call = (fn: string, event: Record<string, unknown>, openid: string) =>
    cloud.call(fn, event, openid) as Promise<Reply>
  async function pendingHandler() {
    const { openid, phone } = fresh()
    const s = expectOk(await bindAsHandler(cloud, openid, '样例经办', phone))
    return { openid, id: s.account._id as string, version: 1 }
  }
  async function activeHandler(modules: string[]) {
    const h = await pendingHandler()
    const event = { action: 'authorize', accountId: h.id, version: 1, modules }
    const row = expectOk(await call('permissions', event, 'demo-manager'))
    return { ...h, version: row.version as number }
  }
  return { cloud, fresh, pendingHandler, activeHandler, call }
}

export { codeFor, newRequestId }
