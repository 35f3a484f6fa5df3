import type { ActionName, Contract, InputOf, OutputOf } from '../../types/contract'
import { call } from '../services/api'
import { useSession } from '../session'
import { useCloud, type CloudState } from './useCloud'

/**
 * A page's read of its module: `call(contract, action, input)` when the component mounts and on
 * `reload()`, as a state for `<CloudView>` (spinner, error block with 重试 or the way back, a
 * toast when a reload fails over an answer on screen). A refusal that means the session is out
 * of date (module withdrawn, account changed: see `refreshOnAccessError`) refreshes the session
 * once, so the page's ModuleGate shows why.
 *
 *   const detail = useModuleCall(SafetyContract, 'detail', { projectId, checkId })
 *   <CloudView state={detail}>{(d) => …}</CloudView>
 *
 * The input is read at each call (the latest render's), typed by the contract, as is the answer.
 * Lists of pages go through `<PagedList fetchPage>`, which passes its failures on the same way.
 *
 * @param contract - the module's contract (types/<module>.ts)
 * @param action - one of its actions
 * @param input - the action's input (checked by the compiler here, by the function again)
 */
export function useModuleCall<C extends Contract, K extends ActionName<C>>(
  contract: C,
  action: K,
  input: InputOf<C, K>,
): CloudState<OutputOf<C, K>> {
  const { refreshOnAccessError } = useSession()
  return useCloud(() =>
    call(contract, action, input).catch((err: unknown) => {
      refreshOnAccessError(err)
      throw err
    }),
  )
}
