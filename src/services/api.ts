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
  return callFunction<OutputOf<C, K>>(contract.fn, { ...(input as object), action })
}
