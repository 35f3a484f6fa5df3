import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { AppError } from '../../types/errors'
import { newRequestId } from '../services/requestId'
import { toast } from '../services/toast'

/** How long typing pauses before what was typed is saved. */
export const SAVE_PAUSE_MS = 800

/**
 * Where a part of the draft stands: `idle` nothing typed yet, `saving` typed and on its way,
 * `saved` the server has it, `failed` the save failed (a tap retries), `invalid` the contract
 * refuses it as it stands, so it waits on the device (有问题 without its note).
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'invalid'

/** A change saved at once (a choice, a photo) or after a pause in typing. */
export type SaveWhen = 'now' | 'later'

export interface DraftFormOptions<V> {
  /** Each part's value as the form opens: the server's draft, with this device's unsaved over it. */
  initial: Record<string, V>
  /** What the server has of each part as the form opens (default: `initial`). */
  saved?: Record<string, V>
  /** Parts this device had not saved before (stored locally): sent as the form opens. */
  pending?: readonly string[]
  /** Each part's save state as the form opens (default: none shown). */
  states?: Record<string, SaveState>
  /** Sends one part to the server; throws (an AppError) when it is not saved. */
  send: (key: string, value: V) => Promise<void>
  /** Whether `value` is what the server has, so nothing is sent (default: the same object). */
  same?: (value: V, saved: V | undefined) => boolean
  /** The contract's message for a part it refuses as it stands ('' when it may be sent). */
  refused?: (key: string, value: V) => string
  /** Local draft storage: called with every part the server does not have yet, after each change. */
  store?: (unsaved: Record<string, V>) => void
  /** A save failed (the part already says 保存失败): reload, refresh the session, name a field. */
  onFailed?: (key: string, err: unknown) => void
  /** The contract's rules over the form: a message per field, in any order. */
  validate?: (values: Record<string, V>) => Record<string, string>
  /** Fields in the form's order (a field also covers `field.x`): errors come in this order. */
  order?: readonly string[]
  /** The part a field belongs to: editing the part clears the server's errors about it. */
  partOf?: (field: string) => string
}

export interface DraftForm<V> {
  /** The parts as typed. */
  values: Record<string, V>
  /** A part as typed now (also between renders: inside a handler after an await). */
  valueOf: (key: string) => V | undefined
  /** Each part's save state (absent: never touched). */
  states: Record<string, SaveState>
  /** Keeps what was typed and saves it, at once or after a pause. */
  change: (key: string, value: V, when: SaveWhen) => void
  /** Saves a part now (`force`: even if the server has it, e.g. to keep the step with it). */
  save: (key: string, force?: boolean) => Promise<boolean>
  /** Saves every part now; true when the server has all of them. */
  saveAll: () => Promise<boolean>
  /** Saves a part now if its pause is still running (the person left the field). */
  flush: (key: string) => void
  /** The errors shown, in the form's order: the rules' for checked fields, and the server's. */
  errors: Record<string, string>
  /**
   * Checks fields by the contract's rules and keeps showing those that fail (`all`: every field,
   * from now on, as on 提交); returns their errors in the form's order. A field checked alone
   * stops showing its error once corrected, until it is checked again.
   */
  check: (fields: readonly string[] | 'all') => Record<string, string>
  /** The server's errors by field ('' takes one away); shown until their part is edited. */
  setServerErrors: (errors: Record<string, string>) => void
}

/** The options of the last render, for handlers and timers that outlive it. */
function useLatest<T>(value: T) {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}

/** `errors` sorted by `order` (a field's sub-paths with it; unknown fields last). */
export function inFormOrder(
  errors: Record<string, string>,
  order: readonly string[] = [],
): Record<string, string> {
  const rank = (k: string) => {
    const i = order.findIndex((p) => k === p || k.startsWith(`${p}.`))
    return i < 0 ? order.length : i
  }
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)))
}

function pick(errors: Record<string, string>, fields: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) if (errors[f]) out[f] = errors[f]
  return out
}

/**
 * A form's draft engine, for a form saved as one part (车位信息公开) or one part per item (安全检查):
 * every change is kept as typed (and, with `store`, on the device until the server has it), saved
 * at once for a choice and after a pause for typing, one save of a part after another, with a
 * state per part (已保存 / 保存中 / 保存失败 · 重试 through `SaveStatus`); leaving the form saves
 * what is still waiting. Errors come from the contract's own rules, in the form's order.
 */
export function useDraftForm<V>(options: DraftFormOptions<V>): DraftForm<V> {
  const opts = useLatest(options)
  const [values, setValues] = useState(options.initial)
  const valuesRef = useRef(options.initial)
  const savedRef = useRef<Record<string, V | undefined>>({ ...(options.saved ?? options.initial) })
  const [states, setStates] = useState<Record<string, SaveState>>(options.states ?? {})
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({})
  const chains = useRef<Record<string, Promise<boolean>>>({})
  const errors = useShownErrors(options, values)

  const setState = (key: string, state: SaveState) =>
    setStates((s) => (s[key] === state ? s : { ...s, [key]: state }))
  const same = (value: V | undefined, saved: V | undefined) =>
    value === undefined
      ? saved === undefined
      : (opts.current.same ?? ((a: V, b: V | undefined) => a === b))(value, saved)
  const unsaved = () =>
    Object.keys(valuesRef.current).filter((k) => !same(valuesRef.current[k], savedRef.current[k]))
  const persist = () => {
    const store = opts.current.store
    if (store) store(Object.fromEntries(unsaved().map((k) => [k, valuesRef.current[k]])))
  }

  const send = async (key: string, force: boolean): Promise<boolean> => {
    const value = valuesRef.current[key]
    if (value === undefined) return true
    if (!force && same(value, savedRef.current[key])) {
      setStates((s) => (s[key] && s[key] !== 'saved' ? { ...s, [key]: 'saved' } : s))
      return true
    }
    // Not sent while the contract refuses it: its error shows when the field is left or on 提交.
    if (opts.current.refused?.(key, value)) {
      setState(key, 'invalid')
      return false
    }
    setState(key, 'saving')
    try {
      await opts.current.send(key, value)
      savedRef.current = { ...savedRef.current, [key]: value }
      persist()
      if (same(valuesRef.current[key], value) && !timers.current[key]) setState(key, 'saved')
      return true
    } catch (err) {
      setState(key, 'failed')
      opts.current.onFailed?.(key, err)
      return false
    }
  }

  const save = (key: string, force = false): Promise<boolean> => {
    clearTimeout(timers.current[key])
    delete timers.current[key]
    const run = (chains.current[key] ?? Promise.resolve(true)).then(() => send(key, force))
    chains.current[key] = run
    return run
  }

  const change = (key: string, value: V, when: SaveWhen) => {
    valuesRef.current = { ...valuesRef.current, [key]: value }
    setValues(valuesRef.current)
    persist()
    errors.edited(key, valuesRef.current)
    if (when === 'now') {
      void save(key)
      return
    }
    clearTimeout(timers.current[key])
    timers.current[key] = setTimeout(() => void save(key), SAVE_PAUSE_MS)
    setState(key, 'saving')
  }

  // Parts this device had not saved before go now; leaving sends what is still waiting.
  useEffect(() => {
    for (const key of opts.current.pending ?? []) void save(key)
    const pauses = timers.current
    return () => {
      const waiting = new Set([...Object.keys(pauses), ...unsaved()])
      for (const key of waiting) void save(key)
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return {
    values,
    valueOf: (key) => valuesRef.current[key],
    states,
    change,
    save,
    saveAll: async () =>
      (await Promise.all(Object.keys(valuesRef.current).map((k) => save(k)))).every(Boolean),
    flush: (key) => {
      if (timers.current[key]) void save(key)
    },
    errors: errors.shown,
    check: (fields) => errors.check(fields, valuesRef.current),
    setServerErrors: errors.setServer,
  }
}

/** Which errors show: the rules' for the fields checked so far, and the server's. */
function useShownErrors<V>(options: DraftFormOptions<V>, values: Record<string, V>) {
  const opts = useLatest(options)
  const [checked, setChecked] = useState<'all' | ReadonlySet<string>>(() => new Set<string>())
  const [server, setServerState] = useState<Record<string, string>>({})
  const serverRef = useRef(server)
  const rulesOf = (v: Record<string, V>) => opts.current.validate?.(v) ?? {}
  const partOf = (field: string) => opts.current.partOf?.(field) ?? field

  const setServer = (update: Record<string, string>) => {
    const next = { ...serverRef.current }
    for (const [field, message] of Object.entries(update)) {
      if (message) next[field] = message
      else delete next[field]
    }
    serverRef.current = next
    setServerState(next)
  }

  /** A part was edited: the server's errors about it go, and so does a corrected field's. */
  const edited = (part: string, now: Record<string, V>) => {
    const fromServer = Object.keys(serverRef.current).filter((f) => partOf(f) === part)
    if (fromServer.length > 0) setServer(Object.fromEntries(fromServer.map((f) => [f, ''])))
    setChecked((c) => {
      if (c === 'all') return c
      const rules = rulesOf(now)
      const next = new Set([...c, ...fromServer])
      for (const f of next) if (partOf(f) === part && !rules[f]) next.delete(f)
      return next
    })
  }

  const check = (fields: readonly string[] | 'all', now: Record<string, V>) => {
    const rules = rulesOf(now)
    const found = fields === 'all' ? rules : pick(rules, fields)
    setChecked((c) =>
      fields === 'all' || c === 'all' ? 'all' : new Set([...c, ...Object.keys(found)]),
    )
    return inFormOrder(found, opts.current.order)
  }

  const rules = options.validate?.(values) ?? {}
  const shown = inFormOrder(
    { ...(checked === 'all' ? rules : pick(rules, checked)), ...server },
    options.order,
  )
  return { shown, edited, check, setServer }
}

/**
 * The draft moved on elsewhere (submitted on another phone, the window closed, changed
 * underneath): `reloadFor(err)` says so once and loads the form again.
 */
export function useReloadOnce(onReload: () => void) {
  const reloading = useRef(false)
  return {
    reloadFor(err: unknown) {
      if (reloading.current) return
      reloading.current = true
      toast.error(err)
      onReload()
    },
    /** Whether the form is loading again (a message about it is already shown). */
    reloading: () => reloading.current,
  }
}

/**
 * A 提交's request id, kept for retries while the draft's version stays the same (a network
 * failure sends the same id again; the function answers a replay without submitting twice).
 */
export function useRequestId() {
  const request = useRef<{ version: number; id: string } | null>(null)
  return {
    /** The id for a 提交 of `version`. */
    forVersion(version: number): string {
      if (request.current?.version !== version) request.current = { version, id: newRequestId() }
      return request.current.id
    },
    /** The 提交 went through: the next one is another request. */
    done() {
      request.current = null
    },
  }
}

/** A 提交 under way: `busy` while `send` runs (its button spins), `failed` when it throws. */
export function useSubmitting() {
  const [busy, setBusy] = useState(false)
  const run = async (send: () => Promise<void>, failed: (err: unknown) => void) => {
    setBusy(true)
    try {
      await send()
    } catch (err) {
      failed(err)
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

/** A refusal's field errors under `prefix` (`form.`, `answers.`), by the rest of their path. */
export function fieldsUnder(err: unknown, prefix: string): Record<string, string> {
  const fields = err instanceof AppError ? (err.fields ?? {}) : {}
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, m]) => [k.slice(prefix.length), m]),
  )
}
