import { useCallback, useRef, useState } from 'react'
import type { ActionName, Contract, InputOf, OutputOf } from '../../types/contract'
import { AppError, type ErrorCode } from '../../types/errors'
import { call } from '../services/api'
import { toast } from '../services/toast'
import { useSession } from '../session'

/** The record changed underneath (another person, a window closed): the page should reload. */
const STALE: readonly ErrorCode[] = ['CONFLICT', 'INVALID_STATE', 'NOT_FOUND']

/** True when `err` says the record the page shows is out of date. */
export function isStale(err: unknown): boolean {
  return err instanceof AppError && STALE.includes(err.code)
}

export interface ActionOptions<T = unknown> {
  /** Told in a toast when the action succeeded (none by default). */
  done?: string
  /**
   * Runs after success with the answer, awaited while the action still counts as busy (the page
   * reloads what it changed, so the button cannot be tapped again on the old record). None by
   * default.
   */
  after?: (data: T) => unknown
  /**
   * The record changed underneath (CONFLICT, INVALID_STATE, NOT_FOUND): after the toast, this
   * runs (the page reloads what it shows). None by default: the toast alone.
   */
  onStale?: () => unknown
  /**
   * Sees a failure first; returns true when the page showed it itself (a field's message next to
   * the field, a line in place of results): then there is no toast, but the session still hears
   * of it and `onStale` still runs. None by default.
   */
  onError?: (err: AppError) => boolean
}

/** An action's outcome: its answer, or `ok: false` once the failure has been shown. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false }

export interface ModuleAction {
  /** An action is in flight (for the button's `loading` / `disabled`). */
  busy: boolean
  /**
   * Runs `call(contract, action, input)` unless another action of this hook is in flight (then
   * resolves `ok: false` at once). Never rejects: a failure is shown as `fail` does.
   */
  run<C extends Contract, K extends ActionName<C>>(
    contract: C,
    action: K,
    input: InputOf<C, K>,
    opts?: ActionOptions<OutputOf<C, K>>,
  ): Promise<ActionResult<OutputOf<C, K>>>
  /** Shows a failure of a call the page made itself, the way `run` does. */
  fail(err: unknown, opts?: Pick<ActionOptions, 'onStale' | 'onError'>): void
}

/**
 * A page's changes (确认, 退回, 发布, 移除 …), one way: one at a time, the failure always shown
 * (the server's words in a toast, or the page's own place for it through `onError`), a stale
 * record reloaded (`onStale`), and a refusal that means the session is out of date (module
 * withdrawn, account changed) passed to the session, which refreshes once so the page's
 * ModuleGate shows why.
 *
 *   const { busy, run } = useModuleAction()
 *   const r = await run(SafetyContract, 'confirm', base, { done: '已确认', onStale: reload })
 *   if (r.ok) reload()
 */
export function useModuleAction(): ModuleAction {
  const { refreshOnAccessError } = useSession()
  const [busy, setBusy] = useState(false)
  // A second tap can come before the re-render that disables the button.
  const inFlight = useRef(false)

  const fail = useCallback(
    (err: unknown, opts: Pick<ActionOptions, 'onStale' | 'onError'> = {}) => {
      const shown = err instanceof AppError && opts.onError?.(err) === true
      if (!shown) toast.error(err)
      if (refreshOnAccessError(err)) return
      if (isStale(err)) void opts.onStale?.()
    },
    [refreshOnAccessError],
  )

  const run = useCallback(
    async <C extends Contract, K extends ActionName<C>>(
      contract: C,
      action: K,
      input: InputOf<C, K>,
      opts: ActionOptions<OutputOf<C, K>> = {},
    ): Promise<ActionResult<OutputOf<C, K>>> => {
      if (inFlight.current) return { ok: false }
      inFlight.current = true
      setBusy(true)
      try {
        let data: OutputOf<C, K>
        try {
          data = await call(contract, action, input)
        } catch (err) {
          fail(err, opts)
          return { ok: false }
        }
        if (opts.done) toast.success(opts.done)
        // Still busy; a throw here is the page's own, not a failure of the action.
        await opts.after?.(data)
        return { ok: true, data }
      } finally {
        inFlight.current = false
        setBusy(false)
      }
    },
    [fail],
  )

  return { busy, run, fail }
}
