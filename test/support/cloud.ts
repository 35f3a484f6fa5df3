/**
 * Jest harness: a real local cloud in a child process (`node --import tsx
 * server/local-cloud/main.ts`) on a free port with a fresh temporary data folder.
 *
 *   const cloud = await startCloud()            // seeded with demoData()
 *   await cloud.call('binding', { action: 'me' }, 'demo-handler')
 *   await cloud.stop()
 *
 * The child dies with the test process (it watches its stdin), and every wait has a timeout that
 * says what it waited for and shows the child's last output.
 */
import { EJSON } from 'bson'
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface StartCloudOptions {
  /**
   * A local cloud of this file's own (a child process it may kill -9 and restart). Without it,
   * and without the options below that need one, the file shares the run's cloud
   * (global-setup.js), reset to its seeded state first.
   */
  own?: boolean
  /** Insert demoData() on start (default true). */
  seed?: boolean
  /** Folder of `<name>/index.js` functions (default: the repository's cloudfunctions/). */
  functionsDir?: string
  /** Use this data folder instead of a fresh temporary one (it is then not deleted by stop()). */
  dataDir?: string
  /** Extra environment for the child (LOCAL_CLOUD_* and anything the functions read). */
  env?: Record<string, string>
  /** How long to wait for the ready line (default 30 s). */
  startTimeoutMs?: number
}

export interface RawReply {
  status: number
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown
}

export interface RawInit {
  /** Sent as is instead of JSON.stringify(event) (bad JSON, oversize bodies). */
  body?: string | Buffer
  headers?: Record<string, string>
  method?: string
}

export interface OutboxDoc {
  _id: string
  kind: 'sms' | 'subscribe'
  to: string
  template?: string
  /** Template variables (subscribe) or the SMS parameters: shaped by each template. */
  data: any // eslint-disable-line @typescript-eslint/no-explicit-any
  text?: string
  page?: string
  at: number
}

export interface TestCloud {
  /** `http://127.0.0.1:PORT/`; the port survives restart() and kill9() + restart(). */
  readonly url: string
  readonly dataDir: string
  /** POST /api/functions/<fn> as `openid` (none: anonymous); resolves to the JSON body, any status. */
  call<T = unknown>(fn: string, event?: unknown, openid?: string): Promise<T>
  callRaw(fn: string, event?: unknown, openid?: string, init?: RawInit): Promise<RawReply>
  /** Outbox messages, newest first. */
  outbox(query?: { kind?: 'sms' | 'subscribe'; to?: string }): Promise<OutboxDoc[]>
  /** Moves the cloud's clock (server dates and the functions' now()) by `offsetMs` from real time. */
  setClock(offsetMs: number): Promise<void>
  /**
   * Fault injection (server/local-cloud/faults.ts): after `afterWrites` more database writes,
   * `stop` fails every database request, `fail` only the next write; null clears. Resolves to
   * the writes counted since the previous call.
   */
  faults(plan: { mode: 'stop' | 'fail'; afterWrites: number } | null): Promise<number>
  /**
   * The QWeather stand-in's switches (server/qweather-standin): sets any given, answers the state
   * and the request counts per kind (geo, now, daily, alert).
   */
  qweather(set?: Record<string, unknown>): Promise<{
    state: { key: string; warnings: unknown[]; overQuota: boolean; down: boolean }
    requests: Record<'geo' | 'now' | 'daily' | 'alert', number>
  }>
  /** Documents of a collection matching a MongoDB filter (EJSON, so Dates and RegExps work). */
  collection<T = Record<string, unknown>>(name: string, query?: object): Promise<T[]>
  /** Graceful stop; deletes the temporary data folder. */
  stop(): Promise<void>
  /** SIGKILL, keeping the data folder (then restart()). */
  kill9(): Promise<void>
  /** Stops (if running) and starts again on the same data folder and port. */
  restart(): Promise<void>
  /** The child's recent stdout and stderr, for diagnosing a failure. */
  output(): string
}

const ROOT = resolve(__dirname, '..', '..')
const MAIN = join(ROOT, 'server', 'local-cloud', 'main.ts')
const READY = /^Local cloud ready: (http:\/\/\S+)$/m
const REQUEST_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000
const OUTPUT_LINES = 200

const live = new Set<ChildProcess>()
let exitHookInstalled = false

function killAllOnExit(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
}

class OutputTail {
  private lines: string[] = []
  push(chunk: Buffer): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean))
    if (this.lines.length > OUTPUT_LINES) this.lines.splice(0, this.lines.length - OUTPUT_LINES)
  }
  text(): string {
    return this.lines.join('\n')
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => child.once('exit', () => done()))
}

interface Spawned {
  child: ChildProcess
  url: string
}

function spawnCloud(env: Record<string, string>, tail: OutputTail, timeoutMs: number) {
  return new Promise<Spawned>((resolveReady, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOCAL_CLOUD_EXIT_ON_STDIN_END: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    live.add(child)
    child.once('exit', () => live.delete(child))
    let stdout = ''
    let ready = false
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`local cloud did not start: ${why}\n--- its output ---\n${tail.text()}`))
    }
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      if (process.env.LOCAL_CLOUD_VERBOSE) process.stdout.write(chunk)
      if (ready) return
      stdout += chunk.toString()
      const m = READY.exec(stdout)
      if (m) {
        ready = true
        clearTimeout(timer)
        resolveReady({ child, url: m[1] })
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      if (process.env.LOCAL_CLOUD_VERBOSE) process.stderr.write(chunk)
    })
    // 'close', not 'exit': by then the child's last words are in the tail.
    child.once('close', (code, signal) => {
      if (!ready) fail(`exited early (code ${code}, signal ${signal})`)
    })
    child.once('error', (err) => fail(err.message))
  })
}

function httpRequest(
  url: string,
  method: string,
  body: Buffer | null,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((done, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      )
      res.on('error', reject)
    })
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(
        new Error(`local cloud did not answer ${method} ${url} in ${REQUEST_TIMEOUT_MS} ms`),
      ),
    )
    req.on('error', reject)
    req.end(body ?? undefined)
  })
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The run's shared cloud for this worker (global-setup.js), if the run has them. */
function sharedUrl(): string | null {
  const urls = JSON.parse(process.env.TEST_SHARED_CLOUDS ?? '[]') as string[]
  if (urls.length === 0) return null
  const worker = Math.max(1, Number(process.env.JEST_WORKER_ID ?? 1))
  return urls[(worker - 1) % urls.length]
}

export async function startCloud(options: StartCloudOptions = {}): Promise<TestCloud> {
  const needsOwn =
    options.own ||
    options.env ||
    options.seed === false ||
    options.dataDir ||
    options.functionsDir ||
    options.startTimeoutMs
  const url = needsOwn ? null : sharedUrl()
  return url ? shareCloud(url) : ownCloud(options)
}

/**
 * The run's cloud, reset to its seeded state (data, files, clock, faults, the QWeather
 * stand-in): a file sees exactly what a fresh cloud would show it.
 */
async function shareCloud(url: string): Promise<TestCloud> {
  const http = (method: string, path: string, body: Buffer | null, headers = {}) =>
    httpRequest(new URL(path, url).toString(), method, body, headers)
  const reset = await http('POST', '/__dev/reset', Buffer.from('{}'), {
    'content-type': 'application/json',
  })
  if (reset.status !== 200)
    throw new Error(`reset of the shared cloud → ${reset.status}: ${reset.text}`)
  const own = (what: string) => () => {
    throw new Error(`${what} needs a cloud of the file's own: startCloud({ own: true })`)
  }
  return client({
    url: () => url,
    http,
    dataDir: '',
    stop: async () => undefined,
    kill9: own('kill9()'),
    restart: own('restart()'),
    output: () => '',
  })
}

/** The parts of a TestCloud that differ between an own and a shared cloud. */
interface Transport {
  url: () => string
  http: (
    method: string,
    path: string,
    body: Buffer | null,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; text: string }>
  dataDir: string
  stop: () => Promise<void>
  kill9: () => Promise<void>
  restart: () => Promise<void>
  output: () => string
}

async function ownCloud(options: StartCloudOptions): Promise<TestCloud> {
  killAllOnExit()
  const ownsDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'local-cloud-test-'))
  const tail = new OutputTail()
  const timeoutMs = options.startTimeoutMs ?? 30_000
  const env = (port: number): Record<string, string> => ({
    LOCAL_CLOUD_PORT: String(port),
    LOCAL_CLOUD_HOST: '127.0.0.1',
    LOCAL_CLOUD_DATA: dataDir,
    LOCAL_CLOUD_SEED: options.seed === false ? '0' : '1',
    ...(options.functionsDir ? { LOCAL_CLOUD_FUNCTIONS_DIR: options.functionsDir } : {}),
    ...options.env,
  })
  let current: Spawned = await spawnCloud(env(0), tail, timeoutMs)
  const port = () => Number(new URL(current.url).port)

  const running = () => current.child.exitCode === null && current.child.signalCode === null
  const http = async (method: string, path: string, body: Buffer | null, headers = {}) => {
    if (!running())
      throw new Error(`local cloud is not running (call restart()) for ${method} ${path}`)
    return httpRequest(new URL(path, current.url).toString(), method, body, headers)
  }
  const stopChild = async () => {
    if (!running()) return
    const { child } = current
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited(child)
    clearTimeout(timer)
  }

  return client({
    url: () => current.url,
    http,
    dataDir,
    async stop() {
      await stopChild()
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true })
    },
    async kill9() {
      if (!running()) return
      current.child.kill('SIGKILL')
      await exited(current.child)
    },
    async restart() {
      await stopChild()
      current = await spawnCloud(env(port()), tail, timeoutMs).catch(() =>
        // The old port may have been taken meanwhile: any port will do.
        spawnCloud(env(0), tail, timeoutMs),
      )
    },
    output: () => tail.text(),
  })
}

/** A TestCloud over a transport: the calls every test makes, the same for own and shared. */
function client(t: Transport): TestCloud {
  const { http } = t
  const devGet = async (path: string) => {
    const { status, text } = await http('GET', path, null)
    if (status !== 200) throw new Error(`GET ${path} → ${status}: ${text}`)
    return JSON.parse(text)
  }
  const cloud: TestCloud = {
    get url() {
      return t.url()
    },
    dataDir: t.dataDir,
    async callRaw(fn, event = {}, openid, init = {}) {
      const body = init.body ?? JSON.stringify(event)
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(openid ? { 'x-wx-openid': openid } : {}),
        ...init.headers,
      }
      const path = `/api/functions/${encodeURIComponent(fn)}`
      const { status, text } = await http(init.method ?? 'POST', path, Buffer.from(body), headers)
      return { status, body: parse(text) }
    },
    async call<T>(fn: string, event?: unknown, openid?: string) {
      return (await cloud.callRaw(fn, event, openid)).body as T
    },
    outbox(query = {}) {
      const params = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
      return devGet(`/__dev/outbox?${params}`)
    },
    async setClock(offsetMs) {
      const body = Buffer.from(JSON.stringify({ offsetMs }))
      const { status, text } = await http('POST', '/__dev/clock', body, {
        'content-type': 'application/json',
      })
      if (status !== 200) throw new Error(`setClock(${offsetMs}) → ${status}: ${text}`)
    },
    async faults(plan) {
      const body = Buffer.from(JSON.stringify(plan ?? {}))
      const { status, text } = await http('POST', '/__dev/faults', body, {
        'content-type': 'application/json',
      })
      if (status !== 200) throw new Error(`faults(${JSON.stringify(plan)}) → ${status}: ${text}`)
      return (JSON.parse(text) as { writes: number }).writes
    },
    async qweather(set) {
      const { status, text } = set
        ? await http('POST', '/__dev/qweather', Buffer.from(JSON.stringify(set)), {
            'content-type': 'application/json',
          })
        : await http('GET', '/__dev/qweather', null)
      if (status !== 200) throw new Error(`qweather → ${status}: ${text}`)
      return JSON.parse(text)
    },
    collection(name, query = {}) {
      const q = encodeURIComponent(
        EJSON.stringify(query as Record<string, unknown>, { relaxed: true }),
      )
      return devGet(`/__dev/collections/${encodeURIComponent(name)}?query=${q}`)
    },
    stop: t.stop,
    kill9: t.kill9,
    restart: t.restart,
    output: t.output,
  }
  return cloud
}
