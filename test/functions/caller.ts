/**
 * Calls a cloud function through its contract (types/<module>.ts), as a page does
 * (src/services/api.ts), so the tests compile only against the contract as it is:
 *
 *   const funds = caller(() => cloud, FundsContract, 'demo-manager')
 *   const page = expectOk(await funds('movements', { accountId, page: 0 }))   // MovementPage
 *   await funds.raw({ action: 'movements', accountId, page: 'x' })             // deliberately bad
 *
 * The action's name and the input's fields are checked by the compiler, and the ok data has the
 * action's output type: renaming either in a contract fails to compile the tests
 * (test/functions/caller.types.ts proves it). `raw` is the one untyped door, for what no page
 * could send — bad input, attacks, unknown actions.
 */
import type { ActionName, Contract, InputOf, OutputOf } from '../../types/contract'
import type { ErrorCode } from '../../types/errors'
import type { TestCloud } from '../support/cloud'

/** What a function answers to `raw`: tests assert on its shape, so its data is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any

export interface Failure {
  ok: false
  error: { code: ErrorCode | string; message: string; fields?: Record<string, string> }
}

export type Reply<T = Data> = { ok: true; data: T } | Failure

/** The test's cloud, or a getter for one started later (in beforeAll). */
export type CloudRef = TestCloud | (() => TestCloud)

export interface Caller<C extends Contract> {
  /** `action` of the contract with its input, as `openid` (or the caller's default). */
  <K extends ActionName<C>>(
    action: K,
    input: InputOf<C, K>,
    openid?: string,
  ): Promise<Reply<OutputOf<C, K>>>
  /** The untyped escape: the event sent as it is (with its own `action`), for deliberately bad input. */
  raw(event: unknown, openid?: string): Promise<Reply>
  readonly contract: C
}

const resolve = (ref: CloudRef): TestCloud => (typeof ref === 'function' ? ref() : ref)

export function caller<C extends Contract>(
  cloud: CloudRef,
  contract: C,
  defaultOpenid?: string,
): Caller<C> {
  const raw = (event: unknown, openid = defaultOpenid) =>
    resolve(cloud).call<Reply>(contract.fn, event, openid)
  const typed = <K extends ActionName<C>>(action: K, input: InputOf<C, K>, openid?: string) =>
    raw({ ...(input as object), action }, openid) as Promise<Reply<OutputOf<C, K>>>
  return Object.assign(typed, { raw, contract })
}
