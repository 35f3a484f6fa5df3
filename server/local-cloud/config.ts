import { randomBytes } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import type { SeedData } from './seed'
import type { CollectionDefs } from './store'

/** Options of startLocalCloud; each has an environment variable (optionsFromEnv). */
export interface LocalCloudOptions {
  /** LOCAL_CLOUD_DATA, default `.local-cloud/data` in the repository. */
  dataDir?: string
  /** LOCAL_CLOUD_PORT, default 8787; 0 picks a free port. */
  port?: number
  /** LOCAL_CLOUD_HOST, default 127.0.0.1. */
  host?: string
  /** LOCAL_CLOUD_H5_DIR, default `dist/h5`. */
  h5Dir?: string
  /** LOCAL_CLOUD_FUNCTIONS_DIR, default `cloudfunctions`. */
  functionsDir?: string
  /** LOCAL_CLOUD_SEED (`0` = off): insert demoData() on first start; or a function giving the data. */
  seed?: boolean | ((now: number) => SeedData)
  /** LOCAL_CLOUD_ENV, default `local-env`. */
  envName?: string
  /** LOCAL_CLOUD_APPID, default `wx-local-appid`. */
  appid?: string
  /**
   * LOCAL_CLOUD_FN_TIMEOUT_MS: one time limit for every function call; default 0 = each
   * function's own (its config.json `timeout`, else WeChat's 3 s).
   */
  functionTimeoutMs?: number
  /** LOCAL_CLOUD_FN_CONCURRENCY: how many function calls run at once (the rest queue), default 16. */
  functionConcurrency?: number
  /** LOCAL_CLOUD_SYNC: SQLite `synchronous`, default FULL (a reply means the write is on disk). */
  synchronous?: 'FULL' | 'NORMAL'
  /** Collections beyond types/collections.ts, with their indexes (the benchmark's). */
  collections?: CollectionDefs
  /**
   * LOCAL_CLOUD_SECRET: the SDK credential /admin accepts (TENCENTCLOUD_SECRETID of the functions).
   * Default: random per start; set it only for a test that connects its own SDK.
   */
  secret?: string
  /** LOCAL_CLOUD_TOKEN: X-Local-Cloud-Token for /__dev when listening beyond loopback; default random. */
  devToken?: string
  /** LOCAL_CLOUD_ALLOWED_HOSTS (comma-separated): Host names accepted beyond loopback. */
  allowedHosts?: string[]
  /**
   * LOCAL_CLOUD_QWEATHER (`0` = off): start the QWeather stand-in (server/qweather-standin) and
   * point the weather function at it. Off by itself when QWEATHER_HOST is set (a real provider).
   */
  qweatherStandIn?: boolean
}

export type ResolvedOptions = Required<Omit<LocalCloudOptions, 'collections'>> & {
  collections: CollectionDefs
}

export const ROOT = resolve(__dirname, '../..')

const fromRoot = (p: string) => (isAbsolute(p) ? p : resolve(ROOT, p))

export function withDefaults(o: LocalCloudOptions): ResolvedOptions {
  return {
    dataDir: fromRoot(o.dataDir ?? '.local-cloud/data'),
    port: o.port ?? 8787,
    host: o.host ?? '127.0.0.1',
    h5Dir: fromRoot(o.h5Dir ?? 'dist/h5'),
    functionsDir: fromRoot(o.functionsDir ?? 'cloudfunctions'),
    seed: o.seed ?? true,
    envName: o.envName ?? 'local-env',
    appid: o.appid ?? 'wx-local-appid',
    functionTimeoutMs: o.functionTimeoutMs ?? 0,
    functionConcurrency: Math.max(1, Math.floor(o.functionConcurrency ?? 16)),
    synchronous: o.synchronous ?? 'FULL',
    collections: o.collections ?? {},
    secret: o.secret || randomSecret(),
    devToken: o.devToken || randomSecret(),
    allowedHosts: (o.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean),
    qweatherStandIn: o.qweatherStandIn ?? !realQWeather(process.env),
  }
}

/** A provider host the developer configured, not one an earlier local cloud set for its stand-in. */
const realQWeather = (env: NodeJS.ProcessEnv) =>
  Boolean(env.QWEATHER_HOST) && env.QWEATHER_STANDIN !== '1'

const randomSecret = () => randomBytes(18).toString('base64url')

function numberOr(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalCloudOptions {
  const sync = env.LOCAL_CLOUD_SYNC?.toUpperCase()
  return {
    dataDir: env.LOCAL_CLOUD_DATA || undefined,
    port: numberOr(env.LOCAL_CLOUD_PORT, 8787),
    host: env.LOCAL_CLOUD_HOST || undefined,
    h5Dir: env.LOCAL_CLOUD_H5_DIR || undefined,
    functionsDir: env.LOCAL_CLOUD_FUNCTIONS_DIR || undefined,
    seed: env.LOCAL_CLOUD_SEED !== '0',
    envName: env.LOCAL_CLOUD_ENV || undefined,
    appid: env.LOCAL_CLOUD_APPID || undefined,
    functionTimeoutMs: numberOr(env.LOCAL_CLOUD_FN_TIMEOUT_MS, 0),
    functionConcurrency: numberOr(env.LOCAL_CLOUD_FN_CONCURRENCY, 16),
    synchronous: sync === 'NORMAL' ? 'NORMAL' : 'FULL',
    secret: env.LOCAL_CLOUD_SECRET || undefined,
    devToken: env.LOCAL_CLOUD_TOKEN || undefined,
    allowedHosts: env.LOCAL_CLOUD_ALLOWED_HOSTS?.split(','),
    qweatherStandIn: env.LOCAL_CLOUD_QWEATHER === '0' || realQWeather(env) ? false : undefined,
  }
}

/** The one line the test harness and humans wait for. */
export const readyLine = (url: string) => `Local cloud ready: ${url}`
