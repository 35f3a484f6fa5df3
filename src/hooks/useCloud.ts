import { useCallback, useEffect, useRef, useState } from 'react'
import { AppError } from '../../types/errors'

export interface CloudState<T> {
  /** The last successful answer (kept while reloading and after a failed reload). */
  data: T | undefined
  /** The last call's error, null once a call succeeds. */
  error: AppError | null
  /** A call is in flight. */
  loading: boolean
  /** Runs the call again; resolves when it has settled (never rejects). */
  reload: () => Promise<void>
}

function toAppError(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('INTERNAL')
}

/**
 * Runs `fn` (a cloud call) when the page mounts and on `reload()`, tracking loading / error / data.
 * The latest `fn` is always used; an answer that a newer call has overtaken is dropped.
 *
 *   const contacts = useCloud(() => call(PermissionsContract, 'contacts', { projectId }))
 *   <CloudView state={contacts}>{(list) => …}</CloudView>
 *
 * (The session is not fetched this way: it is the app's, see src/session.)
 */
export function useCloud<T>(fn: () => Promise<T>): CloudState<T> {
  const fnRef = useRef(fn)
  const seq = useRef(0)
  const mounted = useRef(true)
  const [state, setState] = useState<Omit<CloudState<T>, 'reload'>>({
    data: undefined,
    error: null,
    loading: true,
  })

  useEffect(() => {
    fnRef.current = fn
  }, [fn])

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setState((s) => (s.loading ? s : { ...s, loading: true }))
    try {
      const data = await fnRef.current()
      if (mounted.current && mine === seq.current) setState({ data, error: null, loading: false })
    } catch (err) {
      if (mounted.current && mine === seq.current)
        setState((s) => ({ data: s.data, error: toAppError(err), loading: false }))
    }
  }, [])

  useEffect(() => {
    mounted.current = true
    void reload()
    return () => {
      mounted.current = false
    }
  }, [reload])

  return { ...state, reload }
}
