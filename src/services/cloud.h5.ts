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

export async function callFunction<T>(name: string, event: CloudEvent): Promise<T> {
  let reply: unknown
  try {
    const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': getDevOpenid() },
      body: JSON.stringify(event),
    })
    reply = await res.json()
  } catch {
    throw new AppError('NETWORK')
  }
  return unwrap<T>(reply)
}
