/**
 * Running functions: the HTTP endpoint and its errors, the WeChat context each call sees (also
 * under concurrency and through cloud.callFunction), time limits and the concurrency cap,
 * subscribe messages and their permission (config.json), and the dev endpoints.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_USERS } from '../../server/seed/demo-users'
import { startCloud, type TestCloud } from '../support/cloud'
import { FIXTURE_FUNCTIONS } from './sdk'
import { until } from '../support/until'

type Echo = {
  event: Record<string, unknown>
  wx: Record<string, unknown>
  clockOffsetMs: string
  functionName: string
  timeLimitMs: number
}

// Small, so a burst of 40 calls queues; set through the environment like any option.
const CONCURRENCY = 4

let cloud: TestCloud
let h5Dir: string

beforeAll(async () => {
  h5Dir = mkdtempSync(join(tmpdir(), 'local-cloud-h5-'))
  cloud = await startCloud({
    seed: false,
    functionsDir: FIXTURE_FUNCTIONS,
    env: {
      LOCAL_CLOUD_H5_DIR: h5Dir,
      LOCAL_CLOUD_APPID: 'wx-test-app',
      LOCAL_CLOUD_FN_CONCURRENCY: String(CONCURRENCY),
    },
  })
}, 60_000)
afterAll(async () => {
  await cloud?.stop()
  rmSync(h5Dir, { recursive: true, force: true })
})

describe('POST /api/functions/<name>', () => {
  it('runs the function as the caller and answers its return value', async () => {
    const res = await cloud.callRaw('echo', { action: 'hi', n: 1 }, 'o-alice')
    expect(res.status).toBe(200)
    const body = res.body as Echo
    expect(body.event).toEqual({
      action: 'hi',
      n: 1,
      userInfo: { appId: 'wx-test-app', openId: 'o-alice' },
    })
    expect(body.wx).toMatchObject({ OPENID: 'o-alice', APPID: 'wx-test-app', ENV: 'local-env' })
    expect(body.functionName).toBe('echo')
    // No config.json: WeChat's default limit.
    expect(body.timeLimitMs).toBe(3000)
  })

  it('runs the built index.js even beside its index.ts source', async () => {
    expect(await cloud.call('built', {})).toEqual({ ran: 'index.js' })
  })

  it('calls without X-WX-OPENID anonymously', async () => {
    const body = await cloud.call<Echo>('echo', {})
    expect(body.wx.OPENID).toBe('')
  })

  it('overwrites a userInfo sent by the client', async () => {
    const body = await cloud.call<Echo>('echo', { userInfo: { openId: 'o-admin' } }, 'o-bob')
    expect(body.event.userInfo).toEqual({ appId: 'wx-test-app', openId: 'o-bob' })
  })

  it('answers 404 for an unknown function', async () => {
    const res = await cloud.callRaw('nope', {})
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('answers 500 with a generic message when the function throws, stack only in the log', async () => {
    const res = await cloud.callRaw('boom', {})
    expect(res.status).toBe(500)
    expect(res.body).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    })
    expect(JSON.stringify(res.body)).not.toContain('hunter2')
    // The child's stderr may reach us just after its reply: wait for the line, not a fixed time.
    await until(() => cloud.output().includes('hunter2'), 'the stack in the log')
  })

  it('answers 400 for a body that is not JSON', async () => {
    const res = await cloud.callRaw('echo', undefined, 'o-a', { body: '{"action": ' })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('answers 413 for a body over 1 MB', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 10) })
    const res = await cloud.callRaw('echo', undefined, 'o-a', { body: big })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('answers 405 to anything but POST', async () => {
    const res = await cloud.callRaw('echo', undefined, 'o-a', { method: 'PUT', body: '{}' })
    expect(res.status).toBe(405)
  })
})

describe('per-call WeChat context', () => {
  it('keeps each OPENID to its own call while calls overlap', async () => {
    // A starts first and finishes last: B starts once A is inside its await (A's start mark), and
    // A waits for B's done mark, so B runs entirely inside A's await.
    const a = cloud.call('slow-whoami', { mark: true, untilDoneBy: 'o-second' }, 'o-first')
    const started = { to: 'fixture-started', by: 'o-first' }
    await until(async () => (await cloud.collection('outbox', started)).length > 0, 'A to start')
    const b = cloud.call('slow-whoami', { mark: true }, 'o-second')
    const [ra, rb] = await Promise.all([a, b])
    expect(ra).toMatchObject({ before: 'o-first', after: 'o-first' })
    expect(rb).toMatchObject({ before: 'o-second', after: 'o-second' })
  })

  it('keeps identities apart under many concurrent calls', async () => {
    const openids = Array.from({ length: 12 }, (_, i) => `o-user-${i}`)
    const replies = await Promise.all(
      openids.map((o, i) =>
        cloud.call<Record<string, string>>('slow-whoami', { delayMs: (i * 37) % 90 }, o),
      ),
    )
    expect(replies.map((r) => [r.before, r.after])).toEqual(openids.map((o) => [o, o]))
  })

  it('carries the caller through cloud.callFunction', async () => {
    const body = await cloud.call<{ me: string; result: Echo }>('nested', {}, 'o-carol')
    expect(body.me).toBe('o-carol')
    expect(body.result.wx.OPENID).toBe('o-carol')
    expect(body.result.event).toMatchObject({ hop: 1 })
    expect(body.result.functionName).toBe('echo')
  })

  it('fails cloud.callFunction of an unknown or throwing function with errCode -1', async () => {
    const missing = await cloud.call<{ error: { errCode: number } }>('nested', { target: 'nope' })
    expect(missing.error.errCode).toBe(-1)
    const throwing = await cloud.call<{ error: { errCode: number; errMsg: string } }>('nested', {
      target: 'boom',
    })
    expect(throwing.error.errCode).toBe(-1)
  })

  it('passes the clock offset to functions', async () => {
    await cloud.setClock(3_600_000)
    expect((await cloud.call<Echo>('echo', {})).clockOffsetMs).toBe('3600000')
    await cloud.setClock(0)
    expect((await cloud.call<Echo>('echo', {})).clockOffsetMs).toBe('0')
  })
})

describe('time limits and the concurrency cap', () => {
  it('fails a call that outlives its config.json timeout, with 500 and the reason in the log', async () => {
    const res = await cloud.callRaw('sleep-1s', { ms: 1500 })
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(cloud.output()).toContain('Function sleep-1s timed out after 1000 ms')
  })

  it('lets a call run as long as its config.json timeout allows', async () => {
    expect(await cloud.call('sleep-5s', { ms: 1500 })).toEqual({ slept: 1500 })
  })

  it('fails cloud.callFunction of a function that times out with errCode -1', async () => {
    const body = await cloud.call<{ error: { errCode: number; errMsg: string } }>('nested', {
      target: 'sleep-1s',
      data: { ms: 1500 },
    })
    expect(body.error.errCode).toBe(-1)
    expect(body.error.errMsg).toContain('timed out')
  })

  it('runs at most the cap at once, and a call waiting its turn does not spend its limit', async () => {
    // 40 calls of 250 ms, 4 at a time: the last start after about 2.25 s, well past gauge's 1 s
    // limit, and still succeed because each call's clock starts when it runs.
    const replies = await Promise.all(
      Array.from({ length: 40 }, () => cloud.callRaw('gauge', { ms: 250 })),
    )
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200))
    const seen = replies.map((r) => (r.body as { seen: number }).seen)
    expect(Math.max(...seen)).toBeLessThanOrEqual(CONCURRENCY)
    expect(Math.max(...seen)).toBeGreaterThan(1)
  })
})

describe('subscribe messages (cloud.openapi)', () => {
  it('records subscribeMessage.send in the outbox, newest first', async () => {
    for (const text of ['first', 'second']) {
      const res = await cloud.call<{ ok: boolean; res: unknown }>(
        'notify',
        { touser: 'o-dave', templateId: 'TPL_X', text },
        'o-manager',
      )
      expect(res).toEqual({
        ok: true,
        res: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' },
      })
    }
    const sent = await cloud.outbox({ kind: 'subscribe', to: 'o-dave' })
    expect(sent).toHaveLength(2)
    expect(sent[0]).toMatchObject({
      kind: 'subscribe',
      to: 'o-dave',
      template: 'TPL_X',
      page: 'pages/todos/index',
      data: { thing1: { value: 'second' } },
    })
    expect(sent[1].data).toEqual({ thing1: { value: 'first' } })
    expect(typeof sent[0].at).toBe('number')
    expect(await cloud.outbox({ to: 'o-nobody' })).toEqual([])
  })

  it.each([
    ['has no config.json', 'notify-noconfig'],
    ['does not list subscribeMessage.send in its config.json', 'notify-unlisted'],
  ])('refuses the call of a function that %s with errCode -604101', async (_, fn) => {
    const res = await cloud.call<{ ok: boolean; errCode: number; errMsg: string }>(
      fn,
      { touser: 'o-refused', templateId: 'TPL_X', text: 'x' },
      'o-manager',
    )
    expect(res).toEqual({
      ok: false,
      errCode: -604101,
      errMsg: 'system error: error code: -604101',
    })
    expect(await cloud.outbox({ to: 'o-refused' })).toEqual([])
    expect(cloud.output()).toContain(`${fn}/config.json does not list it`)
  })

  it('fails like WeChat when touser is missing', async () => {
    const res = await cloud.call<{ ok: boolean; errCode: number }>('notify', {
      touser: '',
      templateId: 'TPL_X',
      text: 'x',
    })
    expect(res).toMatchObject({ ok: false, errCode: 40003 })
  })
})

describe('dev endpoints', () => {
  it('lists the demo users', async () => {
    const res = await fetch(new URL('/__dev/users', cloud.url))
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(DEMO_USERS)))
  })

  it('reads a collection with a query and refuses an unknown collection', async () => {
    await cloud.call('notify', { touser: 'o-erin', templateId: 'TPL_Y', text: 'x' })
    const docs = await cloud.collection<{ to: string }>('outbox', { to: 'o-erin' })
    expect(docs.map((d) => d.to)).toEqual(['o-erin'])
    await expect(cloud.collection('nope')).rejects.toThrow(/404/)
  })

  it('refuses a clock that is not a number', async () => {
    const res = await fetch(new URL('/__dev/clock', cloud.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: 'soon' }),
    })
    expect(res.status).toBe(400)
  })
})

describe('H5 static files', () => {
  const get = async (path: string) => {
    const res = await fetch(new URL(path, cloud.url))
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') }
  }

  it('asks to build the H5 app while dist/h5 is missing', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.text).toContain('npm run build:h5')
  })

  it('serves files, index.html for routes, 404 for missing assets, nothing outside', async () => {
    writeFileSync(join(h5Dir, 'index.html'), '<html>app</html>')
    mkdirSync(join(h5Dir, 'js'), { recursive: true })
    writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)')
    expect(await get('/')).toMatchObject({ status: 200, text: '<html>app</html>' })
    expect(await get('/js/app.js')).toMatchObject({ status: 200, text: 'console.log(1)' })
    expect((await get('/js/app.js')).type).toContain('javascript')
    expect(await get('/pages/todos/index')).toMatchObject({ status: 200, text: '<html>app</html>' })
    expect((await get('/js/missing.js')).status).toBe(404)
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).text).not.toContain('root:')
  })
})
