/**
 * Conformance of the local cloud with the UNMODIFIED @cloudbase/js-sdk (browser build: app, auth,
 * functions) as the PC side uses it, run in headless Chromium from a page the local cloud serves
 * (scripts/capture-js-sdk: what the SDK sends; docs/web-sdk-protocol.md): anonymous and
 * custom-ticket sign-in (tickets from @cloudbase/node-sdk createTicket with the key the local cloud
 * hands its functions), the per-call context a web caller's function sees, refresh, sign-out, the
 * refusals production makes, the origin rules, and the wxacode.getUnlimited stand-in.
 */
import tcb from '@cloudbase/node-sdk'
import jsQR from 'jsqr'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { WEB_SDK_PAGE, webSdkBundle } from '../../scripts/capture-js-sdk/bundle'
import { startCloud, type TestCloud } from '../support/cloud'
import { FIXTURE_FUNCTIONS } from './sdk'

const ENV = 'local-env'
const TWO_HOURS = 2 * 3600 * 1000

interface Settled<T = Record<string, unknown>> {
  ok: boolean
  value?: T
  error?: Record<string, unknown>
}
interface WhoAmI {
  event: Record<string, unknown>
  user: { openId: string; uid: string; customUserId: string; isAnonymous: boolean }
  ip: string
  wx: Record<string, unknown>
}
interface Credentials {
  access_token: string
  refresh_token: string
  expires_in: number
}

let cloud: TestCloud
let h5Dir: string
let browser: Browser
let page: Page

beforeAll(async () => {
  h5Dir = mkdtempSync(join(tmpdir(), 'web-sdk-h5-'))
  writeFileSync(join(h5Dir, 'index.html'), WEB_SDK_PAGE)
  writeFileSync(join(h5Dir, 'web-sdk.js'), await webSdkBundle())
  cloud = await startCloud({
    seed: false,
    functionsDir: FIXTURE_FUNCTIONS,
    env: { LOCAL_CLOUD_H5_DIR: h5Dir, LOCAL_CLOUD_ENV: ENV },
  })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.stop()
  rmSync(h5Dir, { recursive: true, force: true })
})

/** A fresh browser profile (no stored login) on the local cloud's page, the SDK initialised. */
beforeEach(async () => {
  await cloud.setClock(0)
  const context = await browser.newContext()
  page = await context.newPage()
  page.setDefaultTimeout(20_000)
  // Nothing may leave the machine: a request to any other host fails the test.
  await page.route(
    (url) => !url.toString().startsWith(cloud.url),
    (route) => {
      throw new Error(`the SDK reached for another host: ${route.request().url()}`)
    },
  )
  await page.goto(cloud.url)
  await sdk('init', ENV)
})
afterEach(async () => {
  await page?.context().close()
})

function sdk<T = Record<string, unknown>>(call: string, ...args: unknown[]): Promise<Settled<T>> {
  return page.evaluate(
    ([c, a]) =>
      (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).webSdk[
        c as string
      ](...(a as unknown[])),
    [call, args] as const,
  ) as Promise<Settled<T>>
}

async function whoAmI(data: Record<string, unknown> = {}): Promise<WhoAmI> {
  const res = await sdk<{ result: WhoAmI }>('callFunction', 'web-whoami', data)
  if (!res.ok) throw new Error(`callFunction failed: ${JSON.stringify(res.error)}`)
  return res.value!.result
}

async function ticketFor(customUserId: string, extra: Record<string, unknown> = {}) {
  const res = await cloud.call<{ ticket: string }>('web-ticket', { customUserId, ...extra })
  return res.ticket
}

async function credentials(): Promise<Credentials> {
  const res = await sdk<Credentials>('credentials')
  return res.value!
}

/** A request made by the page itself (its Origin, its cookies), outside the SDK. */
function pageFetch(path: string, init: { method?: string; headers?: object; body?: string }) {
  return page.evaluate(
    async ([p, i]) => {
      const res = await fetch(p as string, i as RequestInit)
      const text = await res.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        // not JSON
      }
      return { status: res.status, body: body as Record<string, unknown> }
    },
    [path, init] as const,
  )
}

const callWith = (token: string) =>
  pageFetch('/v1/functions/web-whoami', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  })

describe('anonymous sign-in', () => {
  it('gives a uid and no customUserId; a function sees an anonymous web caller', async () => {
    const signedIn = await sdk<{ uid: string }>('signInAnonymously')
    expect(signedIn.ok).toBe(true)
    const uid = signedIn.value!.uid
    expect(uid).toMatch(/^\w{8,}$/)
    const state = await sdk<{ user: { uid: string } }>('loginState')
    expect(state.value!.user.uid).toBe(uid)

    const me = await whoAmI({ action: 'ping' })
    expect(me.user).toEqual({
      openId: '',
      appId: expect.any(String),
      uid,
      customUserId: '',
      isAnonymous: true,
    })
    // No WeChat identity, no stamped userInfo: the event is what the browser sent.
    expect(me.wx.OPENID).toBeUndefined()
    expect(me.event).toEqual({ action: 'ping' })
    expect(me.ip).toBe('127.0.0.1')
  })

  it('a second browser is another anonymous user', async () => {
    const a = await sdk<{ uid: string }>('signInAnonymously')
    await page.context().clearCookies()
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await sdk('init', ENV)
    const b = await sdk<{ uid: string }>('signInAnonymously')
    expect(b.value!.uid).not.toBe(a.value!.uid)
  })
})

describe('custom-ticket sign-in', () => {
  it('signs in with a ticket from node-sdk createTicket; functions receive the customUserId', async () => {
    const ticket = await ticketFor('pc-session-0001')
    expect(ticket).toMatch(/^[^/]+\/@@\/[\w-]+\.[\w-]+\.[\w-]+$/)
    const signedIn = await sdk<{ uid: string }>('signInWithCustomTicket', ticket)
    expect(signedIn.ok).toBe(true)

    const me = await whoAmI()
    expect(me.user).toMatchObject({
      openId: '',
      uid: signedIn.value!.uid,
      customUserId: 'pc-session-0001',
      isAnonymous: false,
    })
    expect(me.wx.OPENID).toBeUndefined()
    expect(me.wx.SOURCE).toBeTruthy()
    const creds = await credentials()
    expect(creds.expires_in).toBe(7200)
    expect(creds.refresh_token).toBeTruthy()
  })

  it('the same customUserId is the same CloudBase user; another is another', async () => {
    const first = await sdk<{ uid: string }>('signInWithCustomTicket', await ticketFor('user-aaaa'))
    const again = await sdk<{ uid: string }>('signInWithCustomTicket', await ticketFor('user-aaaa'))
    const other = await sdk<{ uid: string }>('signInWithCustomTicket', await ticketFor('user-bbbb'))
    expect(again.value!.uid).toBe(first.value!.uid)
    expect(other.value!.uid).not.toBe(first.value!.uid)
  })

  it('refuses a ticket signed with another key', async () => {
    const real = await ticketFor('pc-session-0002')
    const keyId = real.split('/@@/')[0]
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const forged = tcb
      .init({
        env: ENV,
        credentials: {
          private_key_id: keyId,
          private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          env_id: ENV,
        },
      } as never)
      .auth()
      .createTicket('pc-session-0002')
    const res = await sdk('signInWithCustomTicket', forged)
    expect(res.ok).toBe(false)
    expect(res.error).toMatchObject({ code: 'invalid_grant' })
    expect(await sdk('loginState')).toEqual({ ok: true, value: null })
  })

  it('refuses a tampered, an expired, a foreign-environment and an unknown-key ticket', async () => {
    const real = await ticketFor('pc-session-0003')
    const [keyId, jwt] = real.split('/@@/')
    const [head, , sig] = jwt.split('.')
    const otherBody = Buffer.from(
      JSON.stringify({ env: ENV, uid: 'admin-0001', iat: Date.now(), exp: Date.now() + 60_000 }),
    ).toString('base64url')
    const tickets = [
      `${keyId}/@@/${head}.${otherBody}.${sig}`,
      await ticketFor('pc-session-0003', { expiredByMs: 1000 }),
      await ticketFor('pc-session-0003', { env: 'another-env' }),
      `other-key/@@/${jwt}`,
      'not a ticket',
    ]
    for (const ticket of tickets) {
      const res = await sdk('signInWithCustomTicket', ticket)
      expect({ ticket, ok: res.ok, code: res.error?.code }).toEqual({
        ticket,
        ok: false,
        code: 'invalid_grant',
      })
    }
  })
})

describe('tokens', () => {
  it('refreshes: a new access token that works', async () => {
    await sdk('signInWithCustomTicket', await ticketFor('pc-session-0004'))
    const before = await credentials()
    const refreshed = await sdk<Credentials>('refresh')
    expect(refreshed.ok).toBe(true)
    expect(refreshed.value!.access_token).not.toBe(before.access_token)
    expect((await callWith(refreshed.value!.access_token)).status).toBe(200)
    expect((await whoAmI()).user.customUserId).toBe('pc-session-0004')
  })

  it('refuses an access token after its 2 hours; the SDK refreshes and calls again', async () => {
    await sdk('signInWithCustomTicket', await ticketFor('pc-session-0005'))
    const old = (await credentials()).access_token
    await cloud.setClock(TWO_HOURS + 60_000)
    const refused = await callWith(old)
    expect(refused.status).toBe(401)
    expect(refused.body).toMatchObject({ code: 'ACCESS_TOKEN_EXPIRED' })
    // The browser's clock did not move: the SDK still sends the old token, is told it expired,
    // refreshes (POST /auth/v1/token) and succeeds with the new one.
    expect((await whoAmI()).user.customUserId).toBe('pc-session-0005')
    expect((await credentials()).access_token).not.toBe(old)
  })

  it('refuses forged and foreign access tokens, and calls without one', async () => {
    await sdk('signInAnonymously')
    const real = (await credentials()).access_token
    const [head, body] = real.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const forgedBody = Buffer.from(
      JSON.stringify({ ...claims, cuid: 'admin-0001', anon: false }),
    ).toString('base64url')
    for (const token of [`${head}.${forgedBody}.${real.split('.')[2]}`, 'abc', `${real}x`]) {
      const res = await callWith(token)
      expect({ token, status: res.status, code: res.body.code }).toEqual({
        token,
        status: 401,
        code: 'INVALID_ACCESS_TOKEN',
      })
    }
    const none = await pageFetch('/v1/functions/web-whoami', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(none.status).toBe(401)
  })

  it('signing out revokes the session: its tokens no longer work', async () => {
    await sdk('signInWithCustomTicket', await ticketFor('pc-session-0006'))
    const creds = await credentials()
    const out = await sdk<{ error: unknown }>('signOut')
    expect(out.value!.error).toBeNull()
    expect(await sdk('loginState')).toEqual({ ok: true, value: null })
    expect((await callWith(creds.access_token)).status).toBe(401)
    const refresh = await pageFetch(`/auth/v1/token?client_id=${ENV}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: creds.refresh_token }),
    })
    expect(refresh.body).toMatchObject({ error: 'invalid_grant' })
  })

  it('a refresh token ends with the ticket’s `expire`', async () => {
    const expire = Date.now() + TWO_HOURS + 60 * 60_000
    await sdk('signInWithCustomTicket', await ticketFor('pc-session-0007', { options: { expire } }))
    const creds = await credentials()
    await cloud.setClock(TWO_HOURS + 2 * 60 * 60_000)
    const refresh = await pageFetch(`/auth/v1/token?client_id=${ENV}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: creds.refresh_token }),
    })
    expect(refresh.body).toMatchObject({ error: 'invalid_grant' })
  })
})

describe('only the local cloud’s own pages may drive it', () => {
  function raw(path: string, headers: Record<string, string>, body: string) {
    return new Promise<number>((done, reject) => {
      const req = request(new URL(path, cloud.url), { method: 'POST', headers }, (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  it('refuses sign-in and function calls from another origin', async () => {
    const evil = { origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' }
    expect(await raw(`/auth/v1/signin/anonymously?client_id=${ENV}`, evil, '{}')).toBe(403)
    const json = { ...evil, 'content-type': 'application/json' }
    expect(await raw('/v1/functions/web-whoami', json, '{}')).toBe(403)
  })

  it('takes a text/plain sign-in (what the SDK sends) only from its own page', async () => {
    // A page can send text/plain across origins without asking first; the SDK sends it from ours.
    const noOrigin = { 'content-type': 'text/plain;charset=UTF-8' }
    expect(await raw(`/auth/v1/signin/anonymously?client_id=${ENV}`, noOrigin, '{}')).toBe(415)
    const json = { 'content-type': 'application/json' }
    expect(await raw(`/auth/v1/signin/anonymously?client_id=${ENV}`, json, '{}')).toBe(200)
    expect(await raw('/v1/functions/web-whoami', noOrigin, '{}')).toBe(415)
  })
})

describe('wxacode.getUnlimited stand-in', () => {
  const PAGE = 'pages/pclogin/confirm/index'

  function decode(png: string): string | undefined {
    const image = PNG.sync.read(Buffer.from(png, 'base64'))
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
  }

  it('answers a PNG whose QR code opens the page with the scene in the local H5 app', async () => {
    const res = await cloud.call<{ ok: boolean; contentType: string; png: string }>('qr', {
      scene: 'r=Ab3_x&k=1',
      page: PAGE,
    })
    expect(res).toMatchObject({ ok: true, contentType: 'image/png' })
    expect(Buffer.from(res.png, 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect(decode(res.png)).toBe(`${cloud.url}#/${PAGE}?scene=${encodeURIComponent('r=Ab3_x&k=1')}`)
  })

  it('needs wxacode.getUnlimited in the calling function’s config.json', async () => {
    const res = await cloud.call('qr-unlisted', { scene: 'a=1', page: PAGE })
    expect(res).toMatchObject({ ok: false, errCode: -604101 })
  })

  it('refuses what WeChat refuses: a scene over 32 characters, a page starting with /', async () => {
    expect(await cloud.call('qr', { scene: 'x'.repeat(33), page: PAGE })).toMatchObject({
      ok: false,
      errCode: 40169,
    })
    expect(await cloud.call('qr', { scene: 'a=1', page: `/${PAGE}` })).toMatchObject({
      ok: false,
      errCode: 41030,
    })
  })
})
