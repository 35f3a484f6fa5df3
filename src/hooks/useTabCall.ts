import { useSession } from '../session'
import { useCloud, type CloudState } from './useCloud'

/**
 * A page's or tab's one call, run when it mounts; a refusal that means the session is out of
 * date (module withdrawn, account changed) refreshes it so the gate shows why.
 */
export function useTabCall<T>(fn: () => Promise<T>): CloudState<T> {
  const { refreshOnAccessError } = useSession()
  return useCloud(() =>
    fn().catch((err: unknown) => {
      refreshOnAccessError(err)
      throw err
    }),
  )
}
