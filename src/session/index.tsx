/**
 * Who the user is, fetched once per app open and shared by every page:
 *
 *   // app.tsx
 *   <SessionProvider>{children}</SessionProvider>
 *
 *   // any page or component
 *   const { session, projectId, refresh } = useSession()
 *
 * `binding.me` runs when the app starts and again only when asked (`refresh()`: after binding,
 * an unbind, a phone change, pull-to-refresh, a call refused because the account or its modules
 * changed) or when the app comes back from the background. Pages never fetch it themselves.
 *
 * The chosen project (a manager of several projects works in one at a time) is remembered in
 * Taro storage per account and defaults to the account's first project; pass `projectId` to
 * every module call.
 */
import Taro from '@tarojs/taro'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { Session } from '../../types/account'
import type { BindingContract } from '../../types/binding'
import { AppError, type ErrorCode } from '../../types/errors'
import type { CloudState } from '../hooks/useCloud'
import { useReloadOnShow } from '../hooks/usePageRefresh'
import { call, contractRef } from '../services/api'

export type ProjectRef = Session['projects'][number]

export interface SessionValue {
  /** binding.me's last answer; undefined until the first one. */
  session: Session | undefined
  /** The same as a CloudState, for `<CloudView state={…}>` (its reload is `refresh()`). */
  state: CloudState<Session>
  /**
   * Asks binding.me again. `clear` forgets the current session first (another identity: the
   * dev switcher). Resolves with the new session, or undefined when the call failed (the error
   * is in `state.error`, the last session stays).
   */
  refresh: (opts?: { clear?: boolean }) => Promise<Session | undefined>
  /** Takes a session a call already answered (binding.submit returns one): no round trip. */
  setSession: (session: Session) => void
  /** When the shown session was fetched (epoch ms; 0 before the first answer). */
  fetchedAt: number
  /** The project the user works in now (undefined without an account or projects). */
  project: ProjectRef | undefined
  projectId: string | undefined
  /** Chooses another of the account's projects and remembers it. */
  setProjectId: (projectId: string) => void
  /**
   * For a module call's failure: when it says the account or its access changed underneath
   * (not bound, inactive, module withdrawn, another project), refreshes the session so the
   * page's gate shows why. True if it did.
   */
  refreshOnAccessError: (err: unknown) => boolean
}

/** Storage key of the chosen project: `{ accountId, projectId }`. */
export const PROJECT_KEY = 'session.project'

/** Errors that mean the session the page holds is out of date. */
const ACCESS_ERRORS: readonly ErrorCode[] = [
  'NOT_BOUND',
  'ACCOUNT_PENDING',
  'ACCOUNT_REJECTED',
  'ACCOUNT_INACTIVE',
  'MODULE_NOT_GRANTED',
  'FORBIDDEN',
  // A computer whose session ended: the session says so, and 扫码登录 covers the page.
  'NOT_SIGNED_IN',
  'SESSION_ENDED',
]

interface Remembered {
  accountId: string
  projectId: string
}

function loadRemembered(): Remembered | null {
  try {
    const raw = Taro.getStorageSync(PROJECT_KEY) as Partial<Remembered> | ''
    return raw && typeof raw.accountId === 'string' && typeof raw.projectId === 'string'
      ? { accountId: raw.accountId, projectId: raw.projectId }
      : null
  } catch {
    return null
  }
}

function remember(value: Remembered): void {
  try {
    Taro.setStorageSync(PROJECT_KEY, value)
  } catch {
    // Storage unavailable: the choice lasts until the app closes.
  }
}

/** The remembered project if it is still one of the account's, else its first. */
export function chooseProject(
  session: Session | undefined,
  remembered: Remembered | null,
): ProjectRef | undefined {
  const account = session?.account
  if (!session || !account) return undefined
  const mine = session.projects.filter((p) => account.projectIds.includes(p._id))
  const list = mine.length > 0 ? mine : session.projects
  if (remembered && remembered.accountId === account._id) {
    const found = list.find((p) => p._id === remembered.projectId)
    if (found) return found
  }
  return list[0]
}

const SessionContext = createContext<SessionValue | null>(null)

interface State {
  data: Session | undefined
  error: AppError | null
  loading: boolean
  fetchedAt: number
}

// By name: the app shell stays free of the contracts' schemas (zod), which pages load later.
const Binding = contractRef<typeof BindingContract>('binding')
const fetchMe = () => call(Binding, 'me', {})

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({
    data: undefined,
    error: null,
    loading: true,
    fetchedAt: 0,
  })
  const [remembered, setRemembered] = useState<Remembered | null>(loadRemembered)
  const seq = useRef(0)
  /** The refresh an access error started, while it runs. */
  const accessRefresh = useRef<Promise<unknown> | null>(null)

  /** Asks binding.me for load `mine` and keeps the answer if no newer load started. */
  const settle = useCallback(async (mine: number) => {
    try {
      const data = await fetchMe()
      if (mine === seq.current)
        setState({ data, error: null, loading: false, fetchedAt: Date.now() })
      return data
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('INTERNAL')
      if (mine === seq.current) setState((s) => ({ ...s, error, loading: false }))
      return undefined
    }
  }, [])

  const refresh = useCallback(
    (opts: { clear?: boolean } = {}) => {
      const mine = ++seq.current
      setState((s) =>
        opts.clear
          ? { data: undefined, error: null, loading: true, fetchedAt: 0 }
          : s.loading
            ? s
            : { ...s, loading: true },
      )
      return settle(mine)
    },
    [settle],
  )

  const setSession = useCallback((data: Session) => {
    seq.current++
    setState({ data, error: null, loading: false, fetchedAt: Date.now() })
  }, [])

  // Once per app open.
  useEffect(() => {
    void settle(++seq.current)
  }, [settle])

  // Back from the background (WeChat's onShow after an onHide; a browser tab shown again): the
  // manager may have decided meanwhile.
  useReloadOnShow(refresh)

  const project = chooseProject(state.data, remembered)
  const accountId = state.data?.account?._id

  const setProjectId = useCallback(
    (projectId: string) => {
      if (!accountId) return
      const next = { accountId, projectId }
      remember(next)
      setRemembered(next)
    },
    [accountId],
  )

  const refreshOnAccessError = useCallback(
    (err: unknown) => {
      if (!(err instanceof AppError) || !ACCESS_ERRORS.includes(err.code)) return false
      // A page's calls fail together for one reason: one refresh answers them all.
      if (!accessRefresh.current)
        accessRefresh.current = refresh().finally(() => {
          accessRefresh.current = null
        })
      return true
    },
    [refresh],
  )

  const value = useMemo<SessionValue>(
    () => ({
      session: state.data,
      state: {
        data: state.data,
        error: state.error,
        loading: state.loading,
        reload: async () => {
          await refresh()
        },
      },
      refresh,
      setSession,
      fetchedAt: state.fetchedAt,
      project,
      projectId: project?._id,
      setProjectId,
      refreshOnAccessError,
    }),
    [state, refresh, setSession, project, setProjectId, refreshOnAccessError],
  )

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The app's session (see the file's comment). Only inside <SessionProvider> (app.tsx). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession() outside <SessionProvider>')
  return value
}

/** Statuses with no usable account: the user has to (re)do 身份认证. */
export const NEEDS_BINDING: readonly Session['status'][] = ['none', 'unbound', 'deregistered']
