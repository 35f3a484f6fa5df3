import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Per-invocation WeChat identity. wx-server-sdk reads OPENID and the caller token from
 * process.env at call time, and process.env is process-global: two overlapping invocations would
 * see each other's identity (cloud-protocol.md §2). process.env becomes a Proxy that answers the
 * per-call variables from AsyncLocalStorage, so each invocation (and everything it awaits) sees
 * its own.
 */
export type CallEnv = Record<string, string>

const callEnv = new AsyncLocalStorage<CallEnv>()
const INSTALLED = Symbol.for('local-cloud.env-proxy')

function own(store: CallEnv | undefined, key: string | symbol): store is CallEnv {
  return !!store && typeof key === 'string' && Object.prototype.hasOwnProperty.call(store, key)
}

export function installEnvProxy(): void {
  const current = process.env as NodeJS.ProcessEnv & { [INSTALLED]?: true }
  if (current[INSTALLED]) return
  const base = current
  process.env = new Proxy(base, {
    get(target, key) {
      if (key === INSTALLED) return true
      const store = callEnv.getStore()
      return own(store, key) ? store[key as string] : Reflect.get(target, key)
    },
    set(target, key, value) {
      const store = callEnv.getStore()
      if (own(store, key)) store[key as string] = String(value)
      else Reflect.set(target, key, String(value))
      return true
    },
    has(target, key) {
      return own(callEnv.getStore(), key) || Reflect.has(target, key)
    },
    deleteProperty(target, key) {
      const store = callEnv.getStore()
      if (own(store, key)) delete store[key as string]
      else Reflect.deleteProperty(target, key)
      return true
    },
    ownKeys(target) {
      const keys = new Set<string | symbol>(Reflect.ownKeys(target))
      for (const k of Object.keys(callEnv.getStore() ?? {})) keys.add(k)
      return [...keys]
    },
    getOwnPropertyDescriptor(target, key) {
      const store = callEnv.getStore()
      if (!own(store, key)) return Reflect.getOwnPropertyDescriptor(target, key)
      return { value: store[key as string], writable: true, enumerable: true, configurable: true }
    },
  })
}

export function runWithEnv<T>(vars: CallEnv, fn: () => T): T {
  return callEnv.run({ ...vars }, fn)
}

/** A browser signed in through @cloudbase/js-sdk (web-auth.ts), with the address it called from. */
export interface WebCaller {
  uid: string
  /** '' for an anonymous user. */
  customUserId: string
  anonymous: boolean
  ip: string
}

/** Who calls a function; carried to nested calls and openapi in the SDK's wxCloudApiToken. */
export interface Caller {
  openid: string
  unionid: string
  appid: string
  /** A web caller instead of a WeChat one (openid ''): functions see TCB_* context, no OPENID. */
  web?: WebCaller
  /**
   * The function making the request, when a function makes it: the one whose config.json grants
   * openapi permissions, and whose slot a nested callFunction runs in (functions.ts).
   */
  fn?: string
}

const TOKEN_PREFIX = 'local-cloud.'

export function encodeCaller(caller: Caller): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(caller)).toString('base64url')
}

export function decodeCaller(token: unknown, appid: string): Caller {
  const anonymous = { openid: '', unionid: '', appid }
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return anonymous
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString())
    return {
      openid: String(parsed.openid ?? ''),
      unionid: String(parsed.unionid ?? ''),
      appid: String(parsed.appid ?? appid),
      ...(typeof parsed.fn === 'string' && parsed.fn ? { fn: parsed.fn } : {}),
      ...(parsed.web && typeof parsed.web === 'object' ? { web: webCaller(parsed.web) } : {}),
    }
  } catch {
    return anonymous
  }
}

function webCaller(v: Record<string, unknown>): WebCaller {
  return {
    uid: String(v.uid ?? ''),
    customUserId: String(v.customUserId ?? ''),
    anonymous: v.anonymous === true,
    ip: String(v.ip ?? ''),
  }
}
