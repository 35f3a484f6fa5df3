/**
 * The local cloud belongs to the developer's own pages and tools (issue #8): other sites' pages
 * (Origin), DNS-rebinding names (Host), cross-site forms (content type) and anything that is not
 * its own functions at /admin (SDK credential) are refused; beyond loopback it warns and /__dev
 * needs a token. Each test replays one reproduction with plain HTTP requests.
 */
import { request, type IncomingHttpHeaders } from 'node:http'
import { startCloud, type TestCloud } from '../support/cloud'
import { FIXTURE_FUNCTIONS, SDK_ENV, SDK_SECRET } from './sdk'
import { until } from '../support/until'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  // Replies of many shapes; asserting on them is the point.
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One HTTP request with exactly these headers (Host included, when given). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((done, reject) => {
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // Static files and empty bodies stay text.
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, body: parsed })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }
const EVIL = 'http://evil.example'
// How the SDK signs (@cloudbase/signature-nodejs): the credential names the secret id.
const credential = (secretId: string) => ({
  authorization: `TC3-HMAC-SHA256 Credential=${secretId}/2024-01-01/tcb/tc3_request, SignedHeaders=content-type;host, Signature=00`,
})
const insertManager = (name: string) =>
  JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'registry_managers',
    data: [JSON.stringify({ name, phone: '13900000000', projectIds: ['p-yangguang'] })],
  })
const notify = (touser: string) => JSON.stringify({ touser, templateId: 'TPL_SEC', text: 'x' })

function expectForbidden(reply: Reply, status = 403) {
  expect(reply.status).toBe(status)
  expect(reply.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(reply.body.error.message).toMatch(/[\u4e00-\u9fff]/)
}

let cloud: TestCloud
let base: string
let port: number

beforeAll(async () => {
  cloud = await startCloud({ functionsDir: FIXTURE_FUNCTIONS, env: SDK_ENV })
  base = cloud.url
  port = Number(new URL(base).port)
}, 60_000)
afterAll(() => cloud?.stop())

describe('Origin: only the local cloud’s own pages', () => {
  it('refuses another site’s preflight, without any CORS header', async () => {
    const reply = await send(base, 'OPTIONS', '/api/functions/echo', {
      origin: EVIL,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-wx-openid',
    })
    expectForbidden(reply)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect(reply.headers['access-control-allow-headers']).toBeUndefined()
  })

  it('refuses another site’s call as any identity, and runs nothing', async () => {
    const reply = await send(
      base,
      'POST',
      '/api/functions/notify',
      { ...JSON_TYPE, origin: EVIL, 'x-wx-openid': 'demo-manager' },
      notify('o-evil-origin'),
    )
    expectForbidden(reply)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect(await cloud.outbox({ to: 'o-evil-origin' })).toEqual([])
  })

  it.each([
    ['its own origin', () => ({ origin: base.slice(0, -1) })],
    [
      'localhost, by that name',
      () => ({ origin: `http://localhost:${port}`, host: `localhost:${port}` }),
    ],
    // `npm run dev:h5` proxies /api with changeOrigin: Host is rewritten, Origin is the page's.
    ['the H5 dev server', () => ({ origin: 'http://127.0.0.1:10086' })],
    ['the H5 dev server at localhost', () => ({ origin: 'http://localhost:10086' })],
  ])('answers calls from %s', async (_, headers) => {
    const reply = await send(
      base,
      'POST',
      '/api/functions/echo',
      { ...JSON_TYPE, 'x-wx-openid': 'o-alice', ...headers() },
      '{}',
    )
    expect(reply.status).toBe(200)
    expect(reply.body.wx.OPENID).toBe('o-alice')
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it.each([
    'http://127.0.0.1:9999',
    'null',
    `https://127.0.0.1:PORT`,
    'http://localhost.evil.example',
  ])('refuses Origin %s', async (origin) => {
    const headers = { ...JSON_TYPE, origin: origin.replace('PORT', String(port)) }
    expectForbidden(await send(base, 'POST', '/api/functions/echo', headers, '{}'))
  })
})

describe('content type: JSON only, so no cross-site form or text/plain POST gets in', () => {
  it('refuses a text/plain insert at /admin and writes nothing', async () => {
    const reply = await send(
      base,
      'POST',
      '/admin',
      { 'content-type': 'text/plain', ...credential(SDK_SECRET) },
      insertManager('文本攻击'),
    )
    expect(reply.status).toBe(415)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.collection('registry_managers', { name: '文本攻击' })).toEqual([])
  })

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a %s function call and runs nothing',
    async (type) => {
      const to = `o-type-${type.length}`
      const reply = await send(
        base,
        'POST',
        '/api/functions/notify',
        { 'content-type': type },
        notify(to),
      )
      expect(reply.status).toBe(415)
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await cloud.outbox({ to })).toEqual([])
    },
  )

  it('runs a JSON function call (charset allowed)', async () => {
    const headers = { 'content-type': 'application/json; charset=utf-8' }
    const reply = await send(base, 'POST', '/api/functions/notify', headers, notify('o-json'))
    expect(reply.status).toBe(200)
    expect(await cloud.outbox({ to: 'o-json' })).toHaveLength(1)
  })

  it('refuses a text/plain clock change and keeps the clock', async () => {
    const body = JSON.stringify({ offsetMs: 86_400_000 })
    const reply = await send(base, 'POST', '/__dev/clock', { 'content-type': 'text/plain' }, body)
    expect(reply.status).toBe(415)
    expect((await send(base, 'GET', '/__dev/clock')).body).toEqual({ offsetMs: 0 })
  })
})

describe('/admin: only the functions running inside the local cloud', () => {
  it('inserts with the SDK credential of this start', async () => {
    const headers = { ...JSON_TYPE, ...credential(SDK_SECRET) }
    const reply = await send(base, 'POST', '/admin', headers, insertManager('凭据正确'))
    expect(reply.status).toBe(200)
    expect(reply.body.code).toBeUndefined()
    expect(await cloud.collection('registry_managers', { name: '凭据正确' })).toHaveLength(1)
  })

  it.each([
    ['no credential', {}],
    ['the old fixed credential', credential('local')],
    ['another credential', credential(`${SDK_SECRET}x`)],
    ['a malformed Authorization', { authorization: SDK_SECRET }],
  ])('refuses %s and writes nothing', async (_, auth) => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x']) {
      const name = `无凭据-${type.length}`
      const headers = { 'content-type': type, ...auth }
      expectForbidden(await send(base, 'POST', '/admin', headers, insertManager(name)))
      expect(await cloud.collection('registry_managers', { name })).toEqual([])
    }
  })
})

describe('Host: names that cannot be rebound to another machine', () => {
  const routes: [string, string, string | undefined][] = [
    ['GET', '/', undefined],
    ['GET', '/pages/index/index', undefined],
    ['GET', '/__dev/users', undefined],
    ['GET', '/__dev/outbox', undefined],
    ['GET', '/__dev/collections/accounts', undefined],
    ['POST', '/__dev/clock', JSON.stringify({ offsetMs: 1000 })],
    ['POST', '/api/functions/echo', '{}'],
    ['POST', '/admin', insertManager('改绑攻击')],
    ['GET', '/storage/local-env/x.png', undefined],
  ]

  it.each(routes)('refuses Host: evil.example on %s %s', async (method, path, body) => {
    for (const host of ['evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`]) {
      const headers = { ...JSON_TYPE, ...credential(SDK_SECRET), host }
      expectForbidden(await send(base, method, path, headers, body))
    }
    expect(await cloud.collection('registry_managers', { name: '改绑攻击' })).toEqual([])
    expect((await send(base, 'GET', '/__dev/clock')).body).toEqual({ offsetMs: 0 })
  })

  it.each(['localhost:PORT', '127.0.0.1:PORT', '127.0.0.2:PORT', '[::1]:PORT', 'localhost'])(
    'answers Host: %s',
    async (host) => {
      const headers = { host: host.replace('PORT', String(port)) }
      expect((await send(base, 'GET', '/__dev/users', headers)).status).toBe(200)
    },
  )

  it('refuses a non-loopback address while listening on loopback', async () => {
    expectForbidden(await send(base, 'GET', '/__dev/users', { host: `192.168.1.5:${port}` }))
  })
})

describe('dev endpoints: bad input is a 400, not a crash', () => {
  it('refuses a collection name with bad percent-encoding', async () => {
    const reply = await send(base, 'GET', '/__dev/collections/%ZZ')
    expect(reply.status).toBe(400)
    expect(reply.body.error.message).toMatch(/percent-encoding/)
  })

  it.each([
    [{ $where: 'true' }, /\$where/],
    [{ $bogus: 1 }, /\$bogus/],
    [{ $and: 'x' }, /\$and/],
    [{ name: { $bogus: 1 } }, /\$bogus/],
    [{ _id: { $in: 'x' } }, /invalid query/],
  ])('refuses the query %j', async (query, message) => {
    const q = encodeURIComponent(JSON.stringify(query))
    const reply = await send(base, 'GET', `/__dev/collections/accounts?query=${q}`)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(reply.body.error.message).toMatch(message)
  })

  it.each([1e300, -1e300, 11 * 366 * 86_400_000])(
    'refuses the clock offset %d',
    async (offsetMs) => {
      const body = JSON.stringify({ offsetMs })
      const reply = await send(base, 'POST', '/__dev/clock', JSON_TYPE, body)
      expect(reply.status).toBe(400)
      expect((await send(base, 'GET', '/__dev/clock')).body).toEqual({ offsetMs: 0 })
    },
  )

  it('takes a clock offset of years', async () => {
    const offsetMs = 9 * 365 * 86_400_000
    const body = JSON.stringify({ offsetMs })
    expect((await send(base, 'POST', '/__dev/clock', JSON_TYPE, body)).status).toBe(200)
    await cloud.setClock(0)
  })
})

describe('listening beyond loopback (LOCAL_CLOUD_HOST=0.0.0.0)', () => {
  let exposed: TestCloud
  let url: string
  let token: string

  beforeAll(async () => {
    exposed = await startCloud({
      functionsDir: FIXTURE_FUNCTIONS,
      env: { LOCAL_CLOUD_HOST: '0.0.0.0', LOCAL_CLOUD_ALLOWED_HOSTS: 'devbox.lan, Other.Lan' },
    })
    url = exposed.url
    // The warning goes to stderr, which may arrive after the ready line on stdout.
    await until(() => /X-Local-Cloud-Token: \S+/.test(exposed.output()), 'the token warning')
    token = /X-Local-Cloud-Token: (\S+)/.exec(exposed.output())?.[1] ?? ''
  }, 60_000)
  afterAll(() => exposed?.stop())

  it('prints a loud warning saying what is exposed and how to stop it', () => {
    const output = exposed.output()
    expect(output).toMatch(/WARNING: the local cloud listens on 0\.0\.0\.0:\d+, beyond loopback/)
    expect(output).toMatch(/any identity/)
    expect(output).toMatch(/unset LOCAL_CLOUD_HOST/)
    expect(token).toMatch(/^[\w-]{16,}$/)
  })

  it('needs the token for /__dev, except the demo user list', async () => {
    expectForbidden(await send(url, 'GET', '/__dev/outbox'))
    expectForbidden(await send(url, 'GET', '/__dev/outbox', { 'x-local-cloud-token': `${token}x` }))
    expectForbidden(await send(url, 'GET', '/__dev/collections/accounts'))
    const body = JSON.stringify({ offsetMs: 1e12 })
    expectForbidden(await send(url, 'POST', '/__dev/clock', JSON_TYPE, body))
    expect((await send(url, 'GET', '/__dev/outbox', { 'x-local-cloud-token': token })).status).toBe(
      200,
    )
    expect((await send(url, 'GET', '/__dev/users')).status).toBe(200)
    const clock = await send(url, 'GET', '/__dev/clock', { 'x-local-cloud-token': token })
    expect(clock.body).toEqual({ offsetMs: 0 })
  })

  it('accepts IP addresses, localhost and the listed names as Host, and refuses other names', async () => {
    for (const host of [
      '192.168.1.5',
      `10.0.0.7:${port}`,
      '[fe80::1]',
      'localhost',
      'devbox.lan',
      'other.lan:80',
    ]) {
      expect([host, (await send(url, 'GET', '/__dev/users', { host })).status]).toEqual([host, 200])
    }
    for (const host of ['evil.example', 'devbox.lan.evil.example', 'lan']) {
      expectForbidden(await send(url, 'GET', '/__dev/users', { host }))
    }
  })

  it('still refuses /admin without the secret of this start', async () => {
    const headers = { ...JSON_TYPE, ...credential(SDK_SECRET) }
    expectForbidden(await send(url, 'POST', '/admin', headers, insertManager('外网攻击')))
    const read = await send(url, 'GET', `/__dev/collections/registry_managers`, {
      'x-local-cloud-token': token,
    })
    expect(read.body.filter((d: { name: string }) => d.name === '外网攻击')).toEqual([])
  })
})

describe('LOCAL_CLOUD_TOKEN', () => {
  it('is the /__dev token when given, and is not printed', async () => {
    const exposed = await startCloud({
      seed: false,
      functionsDir: FIXTURE_FUNCTIONS,
      env: { LOCAL_CLOUD_HOST: '0.0.0.0', LOCAL_CLOUD_TOKEN: 'chosen-token-123' },
    })
    try {
      const headers = { 'x-local-cloud-token': 'chosen-token-123' }
      expect((await send(exposed.url, 'GET', '/__dev/outbox', headers)).status).toBe(200)
      expect(exposed.output()).not.toContain('chosen-token-123')
    } finally {
      await exposed.stop()
    }
  }, 60_000)
})
