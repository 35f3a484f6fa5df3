import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { encodeCaller, runWithEnv, type Caller } from './wx-context'

/**
 * Runs the built cloud functions (`<functionsDir>/<name>/index.js`, CommonJS, `exports.main`) in
 * this process, each call inside its own WeChat context (wx-context.ts). Modules load on first call
 * and reload when the file changes, so `npm run build:functions` takes effect without a restart.
 */
export interface FunctionRunnerOptions {
  functionsDir: string
  envName: string
  appid: string
  adminUrl: () => string
  clockOffsetMs: () => number
  timeoutMs: number
}

type Main = (event: unknown, context: unknown) => unknown

export class FunctionNotFound extends Error {
  constructor(name: string) {
    super(`FunctionName parameter could not be found: ${name}`)
    this.name = 'FunctionNotFound'
  }
}

const NAME = /^[A-Za-z0-9_-]{1,60}$/
const load = createRequire(__filename)

export class FunctionRunner {
  private readonly loaded = new Map<string, { mtimeMs: number; main: Main }>()

  constructor(private readonly options: FunctionRunnerOptions) {}

  private fileOf(name: string): string | null {
    if (!NAME.test(name)) return null
    const file = join(this.options.functionsDir, name, 'index.js')
    return existsSync(file) ? file : null
  }

  exists(name: string): boolean {
    return this.fileOf(name) !== null
  }

  private mainOf(name: string): Main {
    const file = this.fileOf(name)
    if (!file) throw new FunctionNotFound(name)
    const { mtimeMs } = statSync(file)
    const cached = this.loaded.get(name)
    if (cached && cached.mtimeMs === mtimeMs) return cached.main
    delete load.cache[file]
    const mod = load(file) as { main?: unknown }
    if (typeof mod.main !== 'function') throw new Error(`${file} does not export main`)
    const main = mod.main as Main
    this.loaded.set(name, { mtimeMs, main })
    return main
  }

  private callEnv(name: string, caller: Caller): Record<string, string> {
    return {
      WX_OPENID: caller.openid,
      WX_APPID: caller.appid,
      WX_UNIONID: caller.unionid,
      WX_API_TOKEN: encodeCaller(caller),
      LOCAL_CLOCK_OFFSET_MS: String(this.options.clockOffsetMs()),
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      SCF_FUNCTIONNAME: name,
    }
  }

  private context(name: string) {
    return {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envName,
      request_id: randomBytes(16).toString('hex'),
      memory_limit_in_mb: 256,
      time_limit_in_ms: this.options.timeoutMs,
    }
  }

  /** Runs `name` as `caller`; rejects with FunctionNotFound, the function's error, or a timeout. */
  async invoke(name: string, event: unknown, caller: Caller): Promise<unknown> {
    const main = this.mainOf(name)
    // The WeChat runtime stamps the caller into client events; functions may read (or strip) it.
    const stamped =
      event && typeof event === 'object' && !Array.isArray(event)
        ? { ...event, userInfo: { appId: caller.appid, openId: caller.openid } }
        : event
    const run = runWithEnv(this.callEnv(name, caller), () =>
      Promise.resolve().then(() => main(stamped, this.context(name))),
    )
    return withTimeout(run, this.options.timeoutMs, name)
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Function ${name} timed out after ${ms} ms`)), ms)
    timer.unref()
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
