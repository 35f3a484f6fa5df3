/**
 * Records what the UNMODIFIED @cloudbase/js-sdk (3.x, browser build, app + auth + functions) sends,
 * the way ../shared/tools/cloud-protocol-capture did for wx-server-sdk: a recording server that
 * the SDK is pointed at (registerEndPointWithKey, GATEWAY mode), minimal replies read from the
 * SDK's source, and for every step the requests, the replies and what the SDK call gave.
 * Headless Chromium runs the SDK (it needs fetch, localStorage and a page origin); every request
 * to another host is recorded and aborted, so nothing leaves the machine.
 *
 *   npx tsx scripts/capture-js-sdk/capture.ts [--json out.json] [--headers]
 *
 * Ends with `N passed, N failed`: each step also checks what the SDK made of the replies.
 * Findings: docs/web-sdk-protocol.md.
 */
import tcb from '@cloudbase/node-sdk'
import { generateKeyPairSync } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { WEB_SDK_PAGE, webSdkBundle } from './bundle'

interface Reply {
  status?: number
  body: unknown
}
interface Recorded {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
  reply?: Reply
  aborted?: boolean
}

const ENV = 'capture-env'
const argv = process.argv.slice(2)
const JSON_OUT = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : null
const ALL_HEADERS = argv.includes('--headers')
const SHOWN = ['content-type', 'authorization', 'origin', 'x-sdk-version', 'x-request-id']

const show = (v: unknown) => inspect(v, { depth: 6, breakLength: 150, compact: 3 })
let passed = 0
let failed = 0
function check(ok: boolean, label: string) {
  if (ok) passed++
  else failed++
  console.log(`    ${ok ? 'ok  ' : 'FAIL'} ${label}`)
}

let seq = 0
function credentials(scope: string, sub: string) {
  seq++
  return {
    token_type: 'Bearer',
    access_token: `at-${seq}`,
    refresh_token: `rt-${seq}`,
    expires_in: 7200,
    scope,
    sub,
    groups: [scope],
  }
}

/** The smallest answers that make each call resolve, from the SDK's source (auth/oauth2client). */
function defaultReply(method: string, path: string, body: Record<string, unknown>): Reply {
  if (path === '/auth/v1/signin/anonymously')
    return { body: credentials('anonymous', 'uid-anonymous') }
  if (path === '/auth/v1/signin/custom') return { body: credentials('user', 'uid-custom') }
  if (path === '/auth/v1/token') return { body: credentials('user', 'uid-custom') }
  if (path === '/auth/v1/user/me') return { body: { sub: 'uid-custom', name: '' } }
  if (path === '/auth/v1/revoke') return { body: {} }
  if (method === 'POST' && path.startsWith('/v1/functions/')) return { body: { echo: body } }
  return { status: 404, body: { error: 'not_found', error_description: `no reply for ${path}` } }
}

function startRecorder(bundle: string) {
  const requests: Recorded[] = []
  const queue: Reply[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local')
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type })
        res.end(body)
      }
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', WEB_SDK_PAGE)
      if (url.pathname === '/web-sdk.js') return send(200, 'text/javascript', bundle)
      if (url.pathname === '/favicon.ico') return send(404, 'text/plain', '')
      const text = Buffer.concat(chunks).toString()
      let body: unknown = text
      try {
        body = text ? JSON.parse(text) : ''
      } catch {
        // kept as text
      }
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => ALL_HEADERS || SHOWN.includes(k))
            .map(([k, v]) => [k, String(v)]),
        ),
        body,
      }
      const reply =
        queue.shift() ??
        defaultReply(rec.method, url.pathname, (body || {}) as Record<string, unknown>)
      rec.reply = reply
      requests.push(rec)
      send(reply.status ?? 200, 'application/json; charset=utf-8', JSON.stringify(reply.body))
    })
  })
  return new Promise<{
    origin: string
    requests: Recorded[]
    script(...r: Reply[]): void
    close(): Promise<void>
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        script: (...r) => queue.splice(0, queue.length, ...r),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    }),
  )
}

interface Settled {
  ok: boolean
  value?: Record<string, unknown> | null
  error?: Record<string, unknown>
}

/** A ticket exactly as a cloud function makes it, with a key pair made here. */
function nodeSdkTicket(customUserId: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const app = tcb.init({
    env: ENV,
    credentials: {
      private_key_id: 'capture-key',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      env_id: ENV,
    },
  } as never)
  return app.auth().createTicket(customUserId)
}

async function main() {
  const bundle = await webSdkBundle()
  const rec = await startRecorder(bundle)
  const records: unknown[] = []
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const page: Page = await browser.newPage()
  // Nothing leaves the machine: any other host is recorded and refused.
  await page.route(
    (url) => !url.toString().startsWith(rec.origin),
    async (route) => {
      const r = route.request()
      rec.requests.push({
        method: r.method(),
        url: r.url(),
        headers: {},
        body: r.postData(),
        aborted: true,
      })
      await route.abort()
    },
  )
  await page.goto(`${rec.origin}/`)

  async function step(title: string, call: string, args: unknown[] = [], replies: Reply[] = []) {
    console.log(`\n-- ${title}`)
    rec.script(...replies)
    rec.requests.splice(0)
    const result = (await page.evaluate(
      ([c, a]) =>
        (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).webSdk[
          c as string
        ](...(a as unknown[])),
      [call, args] as const,
    )) as Settled | boolean
    const reqs = rec.requests.splice(0)
    reqs.forEach((r, i) => {
      console.log(`  [${i}] ${r.method} ${r.url}${r.aborted ? '   (ABORTED: another host)' : ''}`)
      console.log(`      headers: ${show(r.headers)}`)
      if (r.body !== '' && r.body !== null) console.log(`      body:    ${show(r.body)}`)
      if (r.reply) console.log(`      reply:   ${show(r.reply)}`)
    })
    console.log(`  => ${show(result)}`)
    records.push({ title, requests: reqs, result })
    return { result: result as Settled, reqs }
  }
  const paths = (reqs: Recorded[]) => reqs.map((r) => `${r.method} ${r.url.split('?')[0]}`)

  let s = await step('1 init + registerEndPointWithKey(GATEWAY → this origin)', 'init', [ENV])
  check(s.reqs.length === 0, 'init sends nothing')

  s = await step('2 login state before any sign-in', 'loginState')
  check(s.result.ok && s.result.value === null && s.reqs.length === 0, 'no state, no request')

  s = await step('3 signInAnonymously', 'signInAnonymously')
  check(
    paths(s.reqs).join() === 'POST /auth/v1/signin/anonymously,GET /auth/v1/user/me',
    'POST /auth/v1/signin/anonymously (?client_id=env), then GET /auth/v1/user/me with Bearer',
  )
  check(s.reqs[0]?.url.includes(`client_id=${ENV}`) === true, 'client_id = env in the query')
  check(s.reqs[1]?.headers.authorization === 'Bearer at-1', 'user/me carries the access token')
  check(s.result.ok, 'resolves')

  s = await step('4 login state', 'loginState')
  check(s.result.ok && s.result.value !== null, 'a login state')

  s = await step('5 callFunction (GATEWAY)', 'callFunction', ['echo', { a: 1 }])
  const fn = s.reqs[0]
  check(
    fn?.method === 'POST' &&
      fn.url === '/v1/functions/echo' &&
      fn.headers.authorization === 'Bearer at-1',
    'POST /v1/functions/<name>, Authorization: Bearer <access_token>',
  )
  check(JSON.stringify(fn?.body) === '{"a":1}', 'body = the data as JSON, nothing added')
  const v = s.result.value as { result?: { echo?: unknown } }
  check(JSON.stringify(v?.result?.echo) === '{"a":1}', 'the reply body (JSON) is `result` as is')

  s = await step(
    '6 callFunction, token refused as expired',
    'callFunction',
    ['echo', {}],
    [{ status: 401, body: { code: 'ACCESS_TOKEN_EXPIRED', message: 'access token expired' } }],
  )
  check(
    paths(s.reqs).join() === 'POST /v1/functions/echo,POST /auth/v1/token,POST /v1/functions/echo',
    'ACCESS_TOKEN_EXPIRED → POST /auth/v1/token (refresh_token grant) → the call again',
  )
  check(
    (s.reqs[1]?.body as Record<string, unknown>)?.grant_type === 'refresh_token',
    'refresh body {client_id, client_secret:"", grant_type:"refresh_token", refresh_token}',
  )
  check(s.result.ok, 'resolves with the second answer')

  s = await step(
    '7 callFunction, token refused otherwise',
    'callFunction',
    ['echo', {}],
    [{ status: 401, body: { code: 'INVALID_ACCESS_TOKEN', message: 'invalid token' } }],
  )
  check(
    !s.result.ok && s.result.error?.code === 'INVALID_ACCESS_TOKEN' && s.reqs.length === 1,
    'any other non-2xx: rejects with the JSON body ({code, message}), no retry',
  )

  s = await step('8 refreshTokenForce', 'refresh')
  check(paths(s.reqs).join() === 'POST /auth/v1/token', 'POST /auth/v1/token')

  const ticket = nodeSdkTicket('capture-user-1')
  s = await step('9 signInWithCustomTicket (node-sdk createTicket)', 'signInWithCustomTicket', [
    ticket,
  ])
  check(
    paths(s.reqs).join() === 'POST /auth/v1/signin/custom,GET /auth/v1/user/me',
    'POST /auth/v1/signin/custom, then GET /auth/v1/user/me',
  )
  const body = s.reqs[0]?.body as Record<string, unknown>
  check(
    body?.provider_id === 'custom' && body?.ticket === ticket,
    'body {provider_id:"custom", ticket}',
  )
  check(s.result.ok, 'resolves')

  s = await step(
    '10 signInWithCustomTicket refused',
    'signInWithCustomTicket',
    [ticket],
    [{ status: 400, body: { error: 'invalid_grant', error_description: 'ticket expired' } }],
  )
  check(
    !s.result.ok && s.result.error?.code === 'invalid_grant',
    '{error, error_description} → AuthError {code: error, message: error_description}',
  )

  s = await step('11 signOut', 'signOut')
  check(
    paths(s.reqs).join() === 'POST /auth/v1/revoke',
    'POST /auth/v1/revoke {token: access_token}',
  )

  s = await step('12 login state after signOut', 'loginState')
  check(s.result.ok && s.result.value === null && s.reqs.length === 0, 'signed out, no request')

  await browser.close()
  await rec.close()
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(records, null, 2))
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exitCode = failed ? 1 : 0
}

main().catch((err) => {
  console.error(err)
  process.exit(2)
})
