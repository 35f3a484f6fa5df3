import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { COLLECTIONS } from '../registry'
import { SUBSCRIBE_ENV } from '../../types/modules'
import { demoData, demoFiles } from '../seed'
import { Clock } from './clock'
import { withDefaults, type LocalCloudOptions, type ResolvedOptions } from './config'
import { startQWeatherStandIn, type StandIn } from '../qweather-standin'
import { Faults } from './faults'
import { FunctionRunner } from './functions'
import { isLoopback, type GuardPolicy } from './guard'
import { acquireLock, lockHolder } from './lock'
import { isSeeded, seedIfNeeded } from './seed'
import { requestHandler } from './server'
import { FileStore } from './storage'
import { Store } from './store'
import { Transactions } from './transactions'
import { CUSTOM_LOGIN_KEY_ENV, WebAuth } from './web-auth'
import { installEnvProxy } from './wx-context'

/**
 * The local cloud: one Node process that speaks wx-server-sdk's wire protocol at /admin, runs the
 * cloud functions, and serves the H5 build, on top of a durable embedded store.
 */
export type { LocalCloudOptions } from './config'
export { optionsFromEnv, readyLine } from './config'

export interface LocalCloud {
  /** `http://host:port/` */
  readonly url: string
  readonly port: number
  /** Direct access to the data (seeding a benchmark without HTTP). */
  readonly store: Store
  close(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/**
 * Stand-in ids of every module's subscribe templates (SUBSCRIBE_TPL_X → TPL_X unless set), so the
 * subscribe flow runs locally end to end.
 */
function standInTemplates(): Record<string, string> {
  return Object.fromEntries(
    Object.values(SUBSCRIBE_ENV).map((name) => [
      name,
      process.env[name] || name.replace(/^SUBSCRIBE_/, ''),
    ]),
  )
}

/** Variables every function (and an in-process SDK) needs; the per-call ones are in functions.ts. */
function setBaseEnv(o: ResolvedOptions, adminUrl: string): void {
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    // The credential /admin checks: only code running in this process knows it.
    TENCENTCLOUD_SECRETID: o.secret,
    TENCENTCLOUD_SECRETKEY: o.secret,
    SCF_NAMESPACE: o.envName,
    TCB_ENV: o.envName,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_API_TOKEN',
    SMS_PROVIDER: 'outbox',
    SILENCE: 'true',
    ...standInTemplates(),
    // The demo operator (住建局) who publishes safety checks (scripts/import-safety-check.ts).
    OPERATOR_OPENIDS: process.env.OPERATOR_OPENIDS || 'demo-operator',
  })
}

/**
 * Seeds the demo data once: its files first (rewriting them is harmless), then the documents and
 * the marker together, so a crash in between seeds again on the next start.
 */
function seed(o: ResolvedOptions, store: Store): number {
  if (!o.seed || isSeeded(store)) return 0
  if (o.seed === true) {
    for (const [path, bytes] of Object.entries(demoFiles(Date.now()))) {
      FileStore.seed(o.dataDir, path, bytes)
    }
  }
  return seedIfNeeded(store, typeof o.seed === 'function' ? o.seed : demoData)
}

function openStore(o: ResolvedOptions): Store {
  const defs = { ...COLLECTIONS, ...o.collections }
  const store = new Store(o.dataDir, defs, { synchronous: o.synchronous })
  try {
    seed(o, store)
  } catch (err) {
    store.close()
    throw err
  }
  return store
}

function handlerFor(
  o: ResolvedOptions,
  store: Store,
  clock: Clock,
  origin: () => string,
  weather: StandIn | null,
  webAuth: WebAuth,
) {
  const functions = new FunctionRunner({
    functionsDir: o.functionsDir,
    envName: o.envName,
    appid: o.appid,
    adminUrl: () => `${origin()}/admin`,
    clockOffsetMs: () => clock.offsetMs,
    timeoutMs: o.functionTimeoutMs,
    concurrency: o.functionConcurrency,
  })
  const faults = new Faults()
  // The test harness's reset (POST /__dev/reset): one local cloud serves a whole jest run.
  const reset = () => {
    store.clear()
    clock.set(0)
    faults.set(null)
    webAuth.clear()
    if (weather) {
      Object.assign(weather.state, {
        key: weather.key,
        warnings: [],
        overQuota: false,
        down: false,
      })
      for (const kind of Object.keys(weather.requests)) weather.requests[kind as 'geo'] = 0
    }
    seed(o, store)
  }
  return requestHandler({
    store,
    clock,
    faults,
    reset,
    transactions: new Transactions(store),
    files: new FileStore(o.dataDir, o.envName, origin, clock.now),
    functions,
    appid: o.appid,
    now: clock.now,
    h5Dir: o.h5Dir,
    guard: guardPolicy(o),
    weather,
    webAuth,
  })
}

function guardPolicy(o: ResolvedOptions): GuardPolicy {
  return {
    exposed: !isLoopback(o.host),
    allowedHosts: o.allowedHosts,
    sdkSecret: o.secret,
    devToken: o.devToken,
  }
}

/** Listening beyond loopback is a choice that must not go unnoticed: say what it opens. */
function warnExposed(o: ResolvedOptions, port: number, tokenFromEnv: boolean): void {
  const token = tokenFromEnv ? '(the value of LOCAL_CLOUD_TOKEN)' : o.devToken
  console.warn(
    [
      '',
      `!!! WARNING: the local cloud listens on ${o.host}:${port}, beyond loopback. !!!`,
      'Anyone who can reach this machine can call every cloud function as any identity',
      '(header X-WX-OPENID), bind accounts and read what the functions answer.',
      `/__dev/* (except GET /__dev/users) needs the header X-Local-Cloud-Token: ${token}`,
      'Host names other than IP addresses and localhost are refused unless listed in',
      'LOCAL_CLOUD_ALLOWED_HOSTS. To stop this: unset LOCAL_CLOUD_HOST (default 127.0.0.1).',
      '',
    ].join('\n'),
  )
}

function originOf(host: string, port: number): string {
  // A wildcard address is not something to put in a URL; loopback reaches it.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

function closer(server: Server, store: Store, release: () => void, weather: StandIn | null) {
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }).finally(async () => {
      await weather?.close()
      store.close()
      release()
    })
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const o = withDefaults(options)
  const release = acquireLock(o.dataDir)
  let store: Store
  try {
    store = openStore(o)
  } catch (err) {
    release()
    throw err
  }
  const clock = new Clock(store)
  // The custom-login key pair of this start; functions issue tickets with its private half.
  const webAuth = new WebAuth(o.envName, clock.now)
  let origin = ''
  let weather: StandIn | null = null
  let server: Server
  let port: number
  try {
    weather = o.qweatherStandIn ? await startQWeatherStandIn({ now: clock.now }) : null
    server = createServer(handlerFor(o, store, clock, () => origin, weather, webAuth))
    port = await listen(server, o.port, o.host)
  } catch (err) {
    await weather?.close()
    store.close()
    release()
    throw err
  }
  origin = originOf(o.host, port)
  if (!isLoopback(o.host)) warnExposed(o, port, Boolean(options.devToken))
  setBaseEnv(o, `${origin}/admin`)
  // The weather function's provider: the stand-in, unless a real one is configured.
  if (weather) {
    Object.assign(process.env, {
      QWEATHER_HOST: weather.url,
      QWEATHER_KEY: weather.key,
      QWEATHER_STANDIN: '1',
    })
  }
  // What a deployed function reads to issue tickets (the console's key file, as JSON).
  process.env[CUSTOM_LOGIN_KEY_ENV] = JSON.stringify(webAuth.key)
  installEnvProxy()
  return { url: `${origin}/`, port, store, close: closer(server, store, release, weather) }
}

/**
 * `npm run seed`: seeds the data folder if it has not been seeded; `reset` wipes it first.
 * Refuses while a local cloud runs on the folder (its memory would not see the change).
 * Returns how many documents were written (0: already seeded).
 */
export function seedDataFolder(options: LocalCloudOptions = {}, reset = false): number {
  const o = withDefaults(options)
  const holder = lockHolder(o.dataDir)
  if (holder) {
    throw new Error(`${o.dataDir} is in use by a running local cloud (pid ${holder}): stop it`)
  }
  if (reset) rmSync(o.dataDir, { recursive: true, force: true })
  const release = acquireLock(o.dataDir)
  const store = new Store(o.dataDir, { ...COLLECTIONS, ...o.collections })
  try {
    return seed(o, store)
  } finally {
    store.close()
    release()
  }
}
