/**
 * 小区气象公告栏 (manual §15). Places are the projects' 小区 (with 街道 and address) and what the
 * provider finds; a person's choice is remembered. The board — warnings first, then now and 7
 * days — comes from a per-place cache: a fresh entry costs no provider call; an old one is
 * refreshed by exactly one caller (a claim with a time limit, taken by conditional update) while
 * the others answer from the cache. An answer past its time to live is always marked stale with
 * its time; when the provider fails it is spared for 30 s, and every answer of that pause (the
 * last board, or with nothing cached a clear error) says how many seconds until a try can help.
 */
import { AppError } from '../../types/errors'
import {
  WeatherContract,
  projectPlaceId,
  type DailyForecast,
  type Place,
  type Warning,
  type WeatherBoard,
  type WeatherNow,
} from '../../types/weather'
import {
  _,
  db,
  defineFunction,
  first,
  insert,
  list,
  now as clockNow,
  updateCount,
  type MemberCtx,
} from '../../server/kernel'
import * as provider from './qweather'

/** How long an answer counts as fresh. */
const TTL_MS = 10 * 60_000
/** How long a refresh may take before another caller may try (the function's limit is 5 s). */
const CLAIM_MS = 8_000
/** After a failed refresh, the provider is asked again only after this long. */
const RETRY_AFTER_MS = 30_000
/** With nothing cached and someone else fetching: wait this long for their answer. */
const WAIT_MS = 3_000

interface Cached {
  _id: string
  warnings?: Warning[]
  now?: WeatherNow | null
  daily?: DailyForecast[]
  fetchedAt?: number
  expiresAt: number
  refreshingUntil: number
  lastError?: string
}

const places = () => db.collection('weather_places')
const cache = () => db.collection('weather_cache')

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function placeOf(placeId: string): Promise<Place> {
  const place = await first<Place>(places().where({ _id: placeId }))
  if (!place) throw new AppError('NOT_FOUND', '地点不存在，请重新搜索')
  return place
}

/** The remembered choice, else the caller's own 小区. */
async function defaultPlace(ctx: MemberCtx): Promise<string> {
  const chosen = await first<{ placeId: string }>(
    db.collection('weather_choices').where({ _id: ctx.caller._id }),
  )
  return chosen?.placeId ?? projectPlaceId(ctx.projectId)
}

/**
 * Seconds until the provider is asked again, while it is spared after a failure (the entry says
 * why it failed and until when): what 重试 / 刷新 must wait for to help.
 */
function retryAfter(c: Pick<Cached, 'lastError' | 'refreshingUntil'> | null, at: number) {
  if (!c?.lastError || c.refreshingUntil <= at) return undefined
  return Math.ceil((c.refreshingUntil - at) / 1000)
}

/** The board from a cache entry: stale whenever it is past its time to live, whoever asks. */
function board(place: Place, c: Cached, at: number): WeatherBoard {
  const stale = !(c.expiresAt > at)
  const wait = stale ? retryAfter(c, at) : undefined
  return {
    place,
    warnings: c.warnings ?? [],
    now: c.now ?? null,
    daily: c.daily ?? [],
    updatedAt: c.fetchedAt ?? 0,
    stale,
    ...(wait !== undefined ? { retryAfterSec: wait } : {}),
  }
}

function unavailable(c: Pick<Cached, 'lastError' | 'refreshingUntil'> | null, at: number) {
  return new AppError('UPSTREAM_FAILED', UNAVAILABLE, undefined, undefined, retryAfter(c, at))
}

/**
 * Claims the refresh of a place's cache; true for exactly one of many callers at once. A claim
 * clears `lastError`, so an entry with one is in its pause after a failure, not being fetched.
 */
async function claimRefresh(id: string, at: number, existing: Cached | null): Promise<boolean> {
  if (!existing) {
    return insert(cache(), { _id: id, expiresAt: 0, refreshingUntil: at + CLAIM_MS, lastError: '' })
      .then(() => true)
      .catch(() => false)
  }
  // Still old and nobody on it: a caller that read the entry before another refreshed it must
  // not refresh it again.
  const taken = await updateCount(
    cache().where({ _id: id, refreshingUntil: _.lt(at), expiresAt: _.lte(at) }),
    { refreshingUntil: at + CLAIM_MS, lastError: '' },
  )
  return taken === 1
}

async function refresh(place: Place, at: number): Promise<Cached> {
  const [warnings, now, daily] = await Promise.all([
    provider.warnings(place),
    provider.now(place),
    provider.daily(place),
  ])
  const fresh = {
    warnings,
    now,
    daily,
    fetchedAt: at,
    expiresAt: at + TTL_MS,
    refreshingUntil: 0,
    lastError: '',
  }
  await cache()
    .doc(place._id)
    .update({ data: { ...fresh, warnings: _.set(warnings), now: _.set(now), daily: _.set(daily) } })
  return { _id: place._id, ...fresh }
}

async function waitForOther(id: string): Promise<Cached | null> {
  for (let waited = 0; waited < WAIT_MS; waited += 250) {
    await sleep(250)
    const c = await first<Cached>(cache().where({ _id: id }))
    if (c?.fetchedAt) return c
  }
  return null
}

const UNAVAILABLE = '天气数据暂时无法获取，请稍后刷新'

export const main = defineFunction(WeatherContract, {
  async search(_ctx, { keyword }) {
    const pattern = db.RegExp({ regexp: escape(keyword), options: 'i' })
    const local = await list<Place>(
      places()
        .where(_.or([{ name: pattern }, { street: pattern }, { address: pattern }]))
        .limit(20),
    )
    // The provider knows districts and towns; a failure there leaves the local results.
    const found = await provider.lookup(keyword).catch((err: Error) => {
      console.warn('[weather] lookup failed', err.message)
      return [] as Place[]
    })
    const fresh = found.filter((f) => !local.some((l) => l._id === f._id))
    // Remember what the provider found, so it can be chosen and shown later.
    await Promise.all(fresh.map((p) => insert(places(), p).catch(() => undefined)))
    return [...local, ...fresh].slice(0, 20)
  },

  async choose(ctx, { placeId }) {
    const place = await placeOf(placeId)
    await db
      .collection('weather_choices')
      .doc(ctx.caller._id)
      .set({ data: { placeId, at: ctx.now } })
    return place
  },

  async board(ctx, { placeId }) {
    const place = await placeOf(placeId ?? (await defaultPlace(ctx)))
    const cached = await first<Cached>(cache().where({ _id: place._id }))
    if (cached?.fetchedAt && cached.expiresAt > ctx.now) return board(place, cached, ctx.now)
    if (!(await claimRefresh(place._id, ctx.now, cached))) {
      // Someone else refreshed it, is on it, or the provider is being spared: the latest answer.
      const latest = await first<Cached>(cache().where({ _id: place._id }))
      if (latest?.fetchedAt) return board(place, latest, ctx.now)
      // Nothing cached: in the pause after a failure, say when to try; else wait for the fetch.
      if (retryAfter(latest, ctx.now)) throw unavailable(latest, ctx.now)
      const other = await waitForOther(place._id)
      if (other) return board(place, other, clockNow())
      throw unavailable(await first<Cached>(cache().where({ _id: place._id })), clockNow())
    }
    try {
      return board(place, await refresh(place, ctx.now), ctx.now)
    } catch (err) {
      const reason = err instanceof provider.ProviderError ? err.code : (err as Error).message
      console.error('[weather] provider failed', reason)
      // Not again for a while: an outage or a spent quota is not helped by a call per view.
      const spared = { refreshingUntil: ctx.now + RETRY_AFTER_MS, lastError: reason || 'failed' }
      await updateCount(cache().where({ _id: place._id }), spared)
      if (cached?.fetchedAt) return board(place, { ...cached, ...spared }, ctx.now)
      throw unavailable(spared, ctx.now)
    }
  },
})
