import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import Module from 'node:module'
import { dirname, join } from 'node:path'
import {
  parseFunctionConfig,
  permitsOpenApi,
  timeLimitMs,
  type FunctionConfig,
} from './function-config'
import { Slots } from './slots'
import { encodeCaller, runWithEnv, type Caller, type WebCaller } from './wx-context'

/**
 * Runs the built cloud functions (`<functionsDir>/<name>/index.js`, CommonJS, `exports.main`) in
 * this process, each call inside its own WeChat context (wx-context.ts). Modules load on first call
 * and reload when the file changes, so `npm run build:functions` takes effect without a restart.
 * Each runs under its own time limit and openapi permissions (`<name>/config.json`,
 * function-config.ts), as in WeChat.
 */
export interface FunctionRunnerOptions {
  functionsDir: string
  envName: string
  appid: string
  adminUrl: () => string
  clockOffsetMs: () => number
  /** 0: each function's own limit (config.json `timeout`, else WeChat's 3 s); else this, for all. */
  timeoutMs: number
  /** How many calls run at once; the others wait their turn (Slots). */
  concurrency: number
}

type Main = (event: unknown, context: unknown) => unknown

export class FunctionNotFound extends Error {
  constructor(name: string) {
    super(`FunctionName parameter could not be found: ${name}`)
    this.name = 'FunctionNotFound'
  }
}

const NAME = /^[A-Za-z0-9_-]{1,60}$/

/** The per-call context keys of a web caller (node-sdk tcbcontext.ts reads those listed). */
const WEB_CONTEXT_KEYS = [
  'TCB_ENV',
  'TCB_SOURCE',
  'TCB_UUID',
  'TCB_CUSTOM_USER_ID',
  'TCB_ISANONYMOUS_USER',
  'TCB_SOURCE_IP',
]
/** getWXContext().SOURCE of a web SDK call; WeChat documents only its wx_* values [UNVERIFIED]. */
export const WEB_SOURCE = 'web_client'

type CompilableModule = Module & { _compile(code: string, filename: string): void }
type ModuleStatics = { _nodeModulePaths(dir: string): string[] }

/**
 * Loads a CommonJS file afresh, as its own module. Not with require: under tsx (npm start, the
 * tests) require('<name>/index.js') loads the sibling index.ts instead, and what must run is the
 * built file WeChat runs. Its own require calls (wx-server-sdk…) resolve from its folder as usual.
 */
function loadCommonJs(file: string): { main?: unknown } {
  const mod = new Module(file) as CompilableModule
  mod.filename = file
  mod.paths = (Module as unknown as ModuleStatics)._nodeModulePaths(dirname(file))
  mod._compile(readFileSync(file, 'utf8'), file)
  return mod.exports as { main?: unknown }
}

export class FunctionRunner {
  private readonly loaded = new Map<string, { mtimeMs: number; main: Main }>()
  private readonly configs = new Map<string, { mtimeMs: number; config: FunctionConfig }>()
  // In WeChat every instance runs alone; here all share one process, and under a test burst a
  // call would spend its time limit waiting for the CPU. Capping how many run at once, and
  // starting each call's clock when it gets its turn, keeps the limit about the function's own work.
  private readonly slots: Slots

  constructor(private readonly options: FunctionRunnerOptions) {
    this.slots = new Slots(options.concurrency)
  }

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
    const mod = loadCommonJs(file)
    if (typeof mod.main !== 'function') throw new Error(`${file} does not export main`)
    const main = mod.main as Main
    this.loaded.set(name, { mtimeMs, main })
    return main
  }

  /**
   * `<name>/config.json`, re-read when it changes; null when the function has none (WeChat's
   * defaults: no openapi permission, 3 s). Throws FunctionConfigError when it is malformed.
   */
  configOf(name: string): FunctionConfig | null {
    if (!NAME.test(name)) return null
    const file = join(this.options.functionsDir, name, 'config.json')
    let mtimeMs: number
    try {
      mtimeMs = statSync(file).mtimeMs
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    const cached = this.configs.get(name)
    if (cached && cached.mtimeMs === mtimeMs) return cached.config
    const config = parseFunctionConfig(readFileSync(file, 'utf8'), file)
    this.configs.set(name, { mtimeMs, config })
    return config
  }

  /** Whether WeChat would let function `name` call `cloud.openapi.<api>` (subscribeMessage.send…). */
  mayCallOpenApi(name: string, api: string): boolean {
    return permitsOpenApi(this.configOf(name), api)
  }

  private callEnv(name: string, caller: Caller): Record<string, string> {
    const common = {
      WX_APPID: caller.appid,
      // Names this function, so the cloud API knows whose config.json grants openapi calls.
      WX_API_TOKEN: encodeCaller({ ...caller, fn: name }),
      LOCAL_CLOCK_OFFSET_MS: String(this.options.clockOffsetMs()),
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      SCF_FUNCTIONNAME: name,
    }
    if (caller.web) return { ...common, ...this.webEnv(caller.web) }
    return { ...common, WX_OPENID: caller.openid, WX_UNIONID: caller.unionid }
  }

  /**
   * A browser's call (@cloudbase/js-sdk): no WeChat OPENID (WX_CONTEXT_KEYS leaves it out, so
   * getWXContext() has none), and the TCB_* context that node-sdk's auth().getUserInfo() and
   * getClientIP() read, listed in TCB_CONTEXT_KEYS as the runtime lists them.
   */
  private webEnv(web: WebCaller): Record<string, string> {
    return {
      WX_CONTEXT_KEYS: 'WX_APPID,WX_API_TOKEN',
      TCB_CONTEXT_KEYS: WEB_CONTEXT_KEYS.join(','),
      TCB_ENV: this.options.envName,
      TCB_SOURCE: WEB_SOURCE,
      TCB_UUID: web.uid,
      TCB_CUSTOM_USER_ID: web.customUserId,
      TCB_ISANONYMOUS_USER: String(web.anonymous),
      TCB_SOURCE_IP: web.ip,
    }
  }

  private context(name: string, limitMs: number) {
    return {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envName,
      request_id: randomBytes(16).toString('hex'),
      memory_limit_in_mb: 256,
      time_limit_in_ms: limitMs,
    }
  }

  private timedOut(name: string, ms: number): Error {
    const limit =
      this.options.timeoutMs > 0 ? 'LOCAL_CLOUD_FN_TIMEOUT_MS' : `${name}/config.json "timeout"`
    return new Error(`Function ${name} timed out after ${ms} ms (the limit set by ${limit})`)
  }

  /**
   * Runs `name` as `caller`, once it has a slot; rejects with FunctionNotFound, a
   * FunctionConfigError, the function's error, or a timeout.
   */
  async invoke(name: string, event: unknown, caller: Caller): Promise<unknown> {
    const main = this.mainOf(name)
    const limitMs = timeLimitMs(this.configOf(name), this.options.timeoutMs)
    // The WeChat runtime stamps the caller into mini program events; functions may read (or
    // strip) it. A browser's event arrives as it sent it.
    const stamped =
      !caller.web && event && typeof event === 'object' && !Array.isArray(event)
        ? { ...event, userInfo: { appId: caller.appid, openId: caller.openid } }
        : event
    const run = () =>
      withTimeout(
        runWithEnv(this.callEnv(name, caller), () =>
          Promise.resolve().then(() => main(stamped, this.context(name, limitMs))),
        ),
        limitMs,
        () => this.timedOut(name, limitMs),
      )
    // A call from a running function (cloud.callFunction) runs in its caller's slot: queued
    // behind callers that wait for their own nested calls, it could only start once they time out.
    return caller.fn ? run() : this.slots.run(run)
  }
}

/**
 * Rejects when `work` outlives `ms`. The function's code cannot be stopped and runs on unseen
 * (WeChat would kill the instance), but its slot is freed: the caller has its answer.
 */
function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms)
    timer.unref()
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
