import type { IncomingMessage, ServerResponse } from 'node:http'
import { DEMO_USERS } from '../seed/demo-users'
import { MAX_CLOCK_OFFSET_MS, type Clock } from './clock'
import { decode } from './ejson'
import { CloudError } from './errors'
import { find, type Filter } from './engine'
import { readBody, sendError, sendJson } from './http-util'
import type { StandIn } from '../qweather-standin'
import { parseFaultPlan, type Faults } from './faults'
import type { Store } from './store'
import { compareValues, isPlainObject, type Doc } from './values'

/** Dev-only endpoints under /__dev/: identities, the outbox, the clock, raw collection reads. */
export interface DevDeps {
  store: Store
  clock: Clock
  faults: Faults
  /** The QWeather stand-in, when it runs (GET / POST /__dev/qweather). */
  weather: StandIn | null
  /** Back to a fresh start: data and files as seeded, clock, faults and stand-in reset. */
  reset: () => void
}

const MAX_DOCS = 1000

class BadQuery extends Error {}

function queryParam(url: URL): Filter {
  const text = url.searchParams.get('query')
  if (!text) return {}
  let filter: unknown
  try {
    filter = decode(text, Date.now)
  } catch (err) {
    throw new BadQuery((err as Error).message)
  }
  if (!isPlainObject(filter)) throw new BadQuery('query must be a JSON object')
  return filter
}

function outbox(deps: DevDeps, url: URL): Doc[] {
  const filter: Filter = {}
  for (const key of ['kind', 'to']) {
    const value = url.searchParams.get(key)
    if (value) filter[key] = value
  }
  // Newest first; messages of the same millisecond in reverse insertion order.
  const docs = find(deps.store.collection('outbox'), filter).reverse()
  docs.sort((a, b) => compareValues(b.at, a.at))
  return docs.slice(0, MAX_DOCS)
}

async function setClock(deps: DevDeps, req: IncomingMessage, res: ServerResponse) {
  let offsetMs: unknown
  try {
    offsetMs = JSON.parse((await readBody(req, 4096)).toString() || '{}').offsetMs
  } catch {
    offsetMs = undefined
  }
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
    return sendError(res, 400, 'BAD_INPUT', 'body must be {"offsetMs": number}')
  }
  if (Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) {
    return sendError(res, 400, 'BAD_INPUT', 'offsetMs must be within ±10 years')
  }
  deps.clock.set(offsetMs)
  sendJson(res, 200, { offsetMs })
}

function collection(deps: DevDeps, name: string, url: URL, res: ServerResponse) {
  if (!deps.store.has(name)) return sendError(res, 404, 'NOT_FOUND', `no collection ${name}`)
  let docs: Doc[]
  try {
    docs = find(deps.store.collection(name), queryParam(url), { limit: MAX_DOCS })
  } catch (err) {
    // The engine reports a filter it cannot run ($where, unknown operators) as a CloudError.
    if (!(err instanceof CloudError) && !(err instanceof BadQuery)) throw err
    return sendError(res, 400, 'BAD_INPUT', `invalid query: ${err.message}`)
  }
  sendJson(res, 200, docs)
}

function decodeName(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/**
 * The QWeather stand-in's switches: GET reads them and the request counts; POST sets any of
 * `{warnings: [{at: 'lat,lon' | '*', type, colour}], overQuota, down, key}` and, with
 * `{resetCounts: true}`, zeroes the counts.
 */
async function qweather(deps: DevDeps, req: IncomingMessage, res: ServerResponse) {
  const w = deps.weather
  if (!w) return sendError(res, 404, 'NOT_FOUND', 'the QWeather stand-in is not running')
  if (req.method === 'POST') {
    let body: Record<string, unknown>
    try {
      body = JSON.parse((await readBody(req, 16 * 1024)).toString() || '{}')
    } catch {
      return sendError(res, 400, 'BAD_INPUT', 'body must be JSON')
    }
    if (Array.isArray(body.warnings))
      w.state.warnings = body.warnings as StandIn['state']['warnings']
    if (typeof body.overQuota === 'boolean') w.state.overQuota = body.overQuota
    if (typeof body.down === 'boolean') w.state.down = body.down
    if (typeof body.key === 'string') w.state.key = body.key
    if (body.resetCounts === true)
      for (const k of Object.keys(w.requests)) w.requests[k as 'geo'] = 0
  }
  sendJson(res, 200, { url: w.url, state: w.state, requests: w.requests })
}

/** Sets (or with `{}` clears) the fault plan; answers the writes counted under the old one. */
async function setFaults(deps: DevDeps, req: IncomingMessage, res: ServerResponse) {
  let body: unknown
  try {
    body = JSON.parse((await readBody(req, 4096)).toString() || '{}')
  } catch {
    body = undefined
  }
  const plan = parseFaultPlan(body)
  if (plan === undefined) {
    return sendError(
      res,
      400,
      'BAD_INPUT',
      'body must be {} or {"mode":"stop"|"fail","afterWrites":n}',
    )
  }
  const writes = deps.faults.writes
  deps.faults.set(plan)
  sendJson(res, 200, { writes })
}

export async function handleDev(
  deps: DevDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const path = url.pathname.slice('/__dev/'.length)
  const get = req.method === 'GET'
  if (get && path === 'users') return sendJson(res, 200, DEMO_USERS)
  if (get && path === 'outbox') return sendJson(res, 200, outbox(deps, url))
  if (get && path === 'clock') return sendJson(res, 200, { offsetMs: deps.clock.offsetMs })
  if (req.method === 'POST' && path === 'clock') return setClock(deps, req, res)
  if (req.method === 'POST' && path === 'faults') return setFaults(deps, req, res)
  if (path === 'qweather') return qweather(deps, req, res)
  if (req.method === 'POST' && path === 'reset') {
    deps.reset()
    return sendJson(res, 200, { reset: true })
  }
  if (get && path.startsWith('collections/')) {
    const name = decodeName(path.slice('collections/'.length))
    if (name === null) return sendError(res, 400, 'BAD_INPUT', 'bad percent-encoding in the name')
    return collection(deps, name, url, res)
  }
  sendError(res, 404, 'NOT_FOUND', `no dev endpoint ${req.method} /__dev/${path}`)
}
