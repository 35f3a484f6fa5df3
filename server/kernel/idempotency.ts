import { createHash } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import { AppError, type Result } from '../../types/errors'
import { first, updateCount } from './db'

/**
 * Repeated submits (a weak network's retry) must create nothing twice. The first call claims the
 * request's key by inserting a document with that `_id` (the database refuses a second insert);
 * a later call with the same key gets the first call's result. Only successes are kept: a failed
 * call releases its claim so the user can try again. The claim keeps a hash of the input: the
 * same id sent with another input is another intent, refused (REQUEST_REUSED) rather than told
 * the first call's result as if it had been done.
 */
// Far past any function's time limit (3 s by default, 20 s at most here): its call is over.
const STALE_MS = 30_000

function collection() {
  return cloud.database().collection('idempotency')
}

function idOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40)
}

interface Claim {
  _id: string
  state: 'running' | 'done'
  at: number
  /** sha256 of the input's canonical JSON (claims made before it was kept have none). */
  input?: string
  result?: Result<unknown>
}

/** JSON with object keys sorted, so one input has one text whatever the order it was sent in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The hash a claim keeps of a parsed input, its requestId left out. */
export function inputHash(input: Record<string, unknown>): string {
  const { requestId: _requestId, ...rest } = input
  return createHash('sha256').update(canonical(rest)).digest('hex')
}

async function readClaim(id: string): Promise<Claim | null> {
  return first<Claim>(collection().where({ _id: id }))
}

/**
 * Claims a request: `earlier` is the first call's result when it was already handled; otherwise
 * this call runs it, `takenOver` when a call that died had claimed it before.
 */
export async function claimRequest(
  key: string,
  at: number,
  input: string,
): Promise<{ earlier: Result<unknown> | null; takenOver: boolean }> {
  const id = idOf(key)
  try {
    await collection().add({ data: { _id: id, state: 'running', at, input } })
    return { earlier: null, takenOver: false }
  } catch (err) {
    const claim = await readClaim(id)
    if (!claim) throw err
    if (claim.input !== undefined && claim.input !== input) throw new AppError('REQUEST_REUSED')
    if (claim.state === 'done' && claim.result) return { earlier: claim.result, takenOver: false }
    if (at - claim.at < STALE_MS) throw new AppError('CONFLICT', '请求正在处理中，请稍候')
    // A claim left by a call that died: take it over, once.
    const taken = await updateCount(
      collection().where({ _id: id, state: 'running', at: claim.at }),
      { at },
    )
    if (taken !== 1) throw new AppError('CONFLICT', '请求正在处理中，请稍候')
    return { earlier: null, takenOver: true }
  }
}

export async function finishRequest(key: string, result: Result<unknown>): Promise<void> {
  const id = idOf(key)
  if (result.ok) {
    // set() keeps the result whole: update() would flatten it and drop empty objects.
    const _ = cloud.database().command
    await collection()
      .doc(id)
      .update({ data: { state: 'done', result: _.set(result) } })
  } else {
    await collection().doc(id).remove()
  }
}
