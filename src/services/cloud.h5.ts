/**
 * H5: calls go to the local cloud (`npm start`, or the H5 dev server's proxy) as
 * POST /api/functions/<name>; the caller is the dev identity chosen in the switcher.
 */
import { AppError } from '../../types/errors'
import { getDevOpenid } from './devIdentity'
import { unwrap, type CloudEvent } from './reply'

export type { CloudEvent } from './reply'

export function initCloud(): void {
  getDevOpenid()
}

/** Browsers carry a `keepalive` request past the page's unload only up to 64 KB. */
const KEEPALIVE_MAX = 60 * 1024

export async function callFunction<T>(name: string, event: CloudEvent): Promise<T> {
  let reply: unknown
  const body = JSON.stringify(event)
  try {
    const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': getDevOpenid() },
      body,
      // A call made as the page closes (the last progress report) still reaches the cloud.
      keepalive: body.length <= KEEPALIVE_MAX,
    })
    reply = await res.json()
  } catch {
    throw new AppError('NETWORK')
  }
  return unwrap<T>(reply)
}
