/**
 * Typed calls through a module's contract (types/<module>.ts):
 *
 *   const session = await call(BindingContract, 'me', {})
 *
 * The action's input is checked against the contract's schema by the compiler, and the answer
 * has the contract's output type; the function checks the input again (the rule that counts).
 */
import type { ActionName, Contract, InputOf, OutputOf } from '../../types/contract'
import { callFunction } from './cloud'

export function call<C extends Contract, K extends ActionName<C>>(
  contract: C,
  action: K,
  input: InputOf<C, K>,
): Promise<OutputOf<C, K>> {
  // An absent optional parameter (`projectId: undefined`) is left out, not sent as null.
  const params = Object.entries(input as object).filter(([, v]) => v !== undefined)
  return callFunction<OutputOf<C, K>>(contract.fn, { ...Object.fromEntries(params), action })
}

/**
 * A contract by its function's name alone, typed as the contract: for code of the app's first
 * load (the session, the home page), which must not pull every schema (zod) in with it.
 *
 *   call(contractRef<typeof BindingContract>('binding'), 'me', {})
 *
 * The input is then checked by the compiler only (and, as always, by the function).
 */
export function contractRef<C extends Contract>(fn: C['fn']): C {
  return { fn, actions: {} } as unknown as C
}
