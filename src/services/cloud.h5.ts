/**
 * H5: a computer's calls go through the CloudBase web SDK (webCloud.ts, loaded on first use):
 * always in the production PC build, and in the local build when a tester chose the computer's
 * door. Otherwise (the local build's default) calls go to the local cloud as
 * POST /api/functions/<name>, the caller being the demo user chosen in the dev switcher.
 */
import { AppError } from '../../types/errors'
import { getDevOpenid } from './devIdentity'
import { isPcDoor } from './door'
import { unwrap, type CloudEvent } from './reply'

export type { CloudEvent } from './reply'

export function initCloud(): void {
  if (!isPcDoor()) getDevOpenid()
}

/** Browsers carry a `keepalive` request past the page's unload only up to 64 KB. */
const KEEPALIVE_MAX = 60 * 1024

export async function callFunction<T>(name: string, event: CloudEvent): Promise<T> {
  if (isPcDoor()) {
    const { callWeb } = await import('./webCloud')
    return callWeb<T>(name, event)
  }
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
