/**
 * A computer's browser, for function tests: the same requests @cloudbase/js-sdk sends in GATEWAY
 * mode (docs/web-sdk-protocol.md; test/local-cloud/web-sdk.test.ts checks the real SDK against
 * the local cloud), made from Node so a test can play several computers at once:
 *
 *   const pc = await webVisitor(cloud)          // 匿名登录: an anonymous web user
 *   await pc.call('pclogin', { action: 'request' })
 *   await pc.signIn(ticket)                      // the custom-login ticket pclogin.poll gave
 *   await pc.call('binding', { action: 'me' })   // now as the session's account
 */
import type { ActionName, Contract, InputOf, OutputOf } from '../../types/contract'
import type { TestCloud } from './cloud'

export interface WebClient {
  /** The web user's uid (changes when a ticket signs it in as a custom user). */
  uid: string
  /** Calls a function as this browser; resolves to the function's reply (any shape). */
  call<T = unknown>(fn: string, event: Record<string, unknown>): Promise<T>
  /** Calls `action` of `contract`, typed by it as the pages' calls are. */
  act<C extends Contract, K extends ActionName<C>>(
    contract: C,
    action: K,
    input: InputOf<C, K>,
  ): Promise<WebReply<OutputOf<C, K>>>
  /** Signs in with a custom-login ticket (auth.signInWithCustomTicket). */
  signIn(ticket: string): Promise<void>
}

export type WebReply<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

async function post(
  cloud: TestCloud,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL(path, cloud.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

interface Login {
  token: string
  refreshToken: string
  uid: string
}

async function signInWith(cloud: TestCloud, path: string, body: unknown): Promise<Login> {
  const res = await post(cloud, `/auth/v1/${path}?client_id=local`, body)
  if (res.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(res.body)}`)
  return {
    token: String(res.body.access_token),
    refreshToken: String(res.body.refresh_token),
    uid: String(res.body.sub),
  }
}

/** A browser signed in anonymously (the state of a computer showing 扫码登录). */
export async function webVisitor(cloud: TestCloud): Promise<WebClient> {
  let login = await signInWith(cloud, 'signin/anonymously', {})
  const send = (fn: string, event: Record<string, unknown>) =>
    post(cloud, `/v1/functions/${encodeURIComponent(fn)}`, event, login.token)
  const client: WebClient = {
    get uid() {
      return login.uid
    },
    async call<T>(fn: string, event: Record<string, unknown>) {
      let res = await send(fn, event)
      if (res.status === 401 && res.body.code === 'ACCESS_TOKEN_EXPIRED') {
        // As the SDK does: refresh once with the refresh token, then send the call again.
        const grant = { grant_type: 'refresh_token', refresh_token: login.refreshToken }
        login = { ...(await signInWith(cloud, 'token', grant)), uid: login.uid }
        res = await send(fn, event)
      }
      if (res.status !== 200) throw new Error(`gateway refused: ${JSON.stringify(res.body)}`)
      return res.body as T
    },
    act(contract, action, input) {
      return client.call(contract.fn, { ...(input as object), action })
    },
    async signIn(ticket: string) {
      login = await signInWith(cloud, 'signin/custom', { provider_id: 'custom', ticket })
    },
  }
  return client
}
