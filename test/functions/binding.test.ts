import { BindingContract } from '../../types/binding'
import { connectSdk, result, SDK_ENV } from '../local-cloud/sdk'
import {
  bindAsHandler,
  bindInput,
  clock,
  codeFor,
  expectError,
  expectOk,
  newRequestId,
  caller,
} from './helpers'
import { fileCloud } from './setup'

const cloud = fileCloud({ env: SDK_ENV })
const call = caller(cloud, BindingContract)

describe('binding.me', () => {
  it.each([
    ['demo-newcomer', 'none', []],
    ['demo-pending', 'pending', []],
    [
      'demo-handler',
      'active',
      ['todos', 'safety', 'disclosure', 'parking', 'training', 'weather', 'permissions'],
    ],
  ])('%s sees status %s and exactly its modules', async (openid, status, modules) => {
    const session = expectOk(await call('me', {}, openid))
    expect(session.status).toBe(status)
    expect([...session.modules].sort()).toEqual([...modules].sort())
  })

  it('gives a manager every module of its project', async () => {
    const session = expectOk(await call('me', {}, 'demo-manager'))
    expect(session.account).toMatchObject({ role: 'manager', name: '张建国' })
    expect(session.projects).toEqual([
      { _id: 'p-yangguang', code: 'SZNS2019001', name: '阳光花园' },
    ])
    expect(session.modules).toHaveLength(13)
  })

  it('names the subscribe-message templates the pages ask users to subscribe to', async () => {
    for (const openid of ['demo-newcomer', 'demo-manager']) {
      const session = expectOk(await call('me', {}, openid))
      expect(session.subscribe).toEqual({
        authRequest: 'TPL_AUTH_REQUEST',
        authResult: 'TPL_AUTH_RESULT',
        reviewRequest: 'TPL_REVIEW_REQUEST',
        reviewResult: 'TPL_REVIEW_RESULT',
      })
    }
  })

  it('does not trust an openid, role or user id sent in the payload', async () => {
    expectError(await call('me', { openid: 'demo-manager' }, 'demo-newcomer'), 'BAD_INPUT')
    expectError(await call('me', { role: 'manager' }, 'demo-newcomer'), 'BAD_INPUT')
    // userInfo is what the WeChat runtime stamps on client calls: ignored, never authority.
    const session = expectOk(
      await call('me', { userInfo: { openId: 'demo-manager', appId: 'x' } }, 'demo-newcomer'),
    )
    expect(session.status).toBe('none')
  })

  it('refuses an unknown action and a malformed event', async () => {
    expectError(await call.raw({ action: 'dropDatabase' }, 'demo-newcomer'), 'UNKNOWN_ACTION')
    expectError(await call.raw({ action: { $ne: '' } }, 'demo-newcomer'), 'UNKNOWN_ACTION')
  })
})

describe('binding.searchProjects', () => {
  it('finds projects by 小区 name or 项目编号', async () => {
    const byName = expectOk(await call('searchProjects', { keyword: '阳光' }, 'demo-newcomer'))
    expect(byName.map((p: { _id: string }) => p._id)).toEqual(['p-yangguang'])
    const byCode = expectOk(await call('searchProjects', { keyword: 'szft2020' }, 'demo-newcomer'))
    expect(byCode.map((p: { name: string }) => p.name)).toEqual(['海滨广场'])
  })

  it('treats the keyword as text, not a pattern or an operator', async () => {
    expect(expectOk(await call('searchProjects', { keyword: '.*' }, 'demo-newcomer'))).toEqual([])
    expectError(
      await call.raw({ action: 'searchProjects', keyword: { $regex: '.*' } }, 'demo-newcomer'),
      'BAD_INPUT',
    )
    const long = await call('searchProjects', { keyword: '阳'.repeat(31) }, 'demo-newcomer')
    expectError(long, 'BAD_INPUT')
  })

  it('refuses control characters as bad input, not an internal error', async () => {
    for (const keyword of ['\u0000', '阳光\u0000花园', '\u202e阳光']) {
      const reply = await call('searchProjects', { keyword }, 'demo-newcomer')
      expectError(reply, 'BAD_INPUT')
      expect(!reply.ok && reply.error.fields?.keyword).toBe('小区名称或项目编号包含无效字符')
    }
  })
})

describe('binding.submit', () => {
  it('makes a registered manager active at once, for every project of the registry', async () => {
    const openid = 'o-liu-manager'
    const code = await codeFor(cloud, openid, '13700137001')
    const session = expectOk(
      await call('submit', bindInput({ name: '刘洋', phone: '13700137001', code }), openid),
    )
    expect(session.status).toBe('active')
    expect(session.account!.role).toBe('manager')
    expect(session.projects.map((p: { _id: string }) => p._id).sort()).toEqual([
      'p-haibin',
      'p-yangguang',
    ])
  })

  it('makes anyone else a pending handler, with a to-do and a notice for the managers', async () => {
    const openid = 'o-new-handler-1'
    const session = expectOk(await bindAsHandler(cloud, openid, '周杰', '13500135001'))
    expect(session).toMatchObject({ status: 'pending', modules: [] })
    const todos = await cloud.collection('todos', {
      kind: 'authorizeHandler',
      targetId: session.account!._id,
    })
    expect(todos).toHaveLength(1)
    expect(todos[0]).toMatchObject({ projectId: 'p-yangguang', status: 'pending' })
    const notices = await cloud.outbox({ kind: 'subscribe', to: 'demo-manager' })
    expect(
      notices.some(
        (n: { data: Record<string, { value: string }> }) => n.data.thing1?.value === '周杰',
      ),
    ).toBe(true)
    const trail = await cloud.collection('audit_log', { targetId: session.account!._id })
    expect(trail[0]).toMatchObject({ action: 'requestBinding', actorOpenid: openid })
  })

  it('asks a non-registered person to choose a project', async () => {
    const openid = 'o-no-project'
    const code = await codeFor(cloud, openid, '13500135002')
    const reply = await call(
      'submit',
      bindInput({ name: '吴磊', phone: '13500135002', code }),
      openid,
    )
    expectError(reply, 'BAD_INPUT')
    expect(!reply.ok && reply.error.fields).toEqual({ projectId: '请选择所在项目' })
  })

  it('refuses a phone that already has an active binding, and a WeChat already bound', async () => {
    const taken = await bindAsHandler(cloud, 'o-phone-thief', '李晓华', '13800138002')
    expectError(taken, 'ALREADY_BOUND')
    expectError(await call('sendCode', { phone: '13500135099' }, 'demo-handler'), 'ALREADY_BOUND')
  })

  it('refuses bad input with per-field messages', async () => {
    const base = bindInput({
      name: '王五',
      phone: '13500135003',
      code: '123456',
      projectId: 'p-yangguang',
    })
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '12345' }, 'phone'],
      [{ phone: 13500135003 }, 'phone'],
      [{ phone: { $ne: '' } }, 'phone'],
      [{ name: 'x' }, 'name'],
      [{ name: '名'.repeat(200) }, 'name'],
      [{ code: '12ab56' }, 'code'],
      [{ category: 'admin' }, 'category'],
      [{ projectId: { $gt: '' } }, 'projectId'],
      [{ role: 'manager' }, 'role'],
      [{ openid: 'demo-manager' }, 'openid'],
      [{ requestId: undefined }, 'requestId'],
    ]
    for (const [patch, field] of cases) {
      const reply = await call.raw({ action: 'submit', ...base, ...patch }, 'o-bad-input')
      expectError(reply, 'BAD_INPUT')
      expect(!reply.ok && reply.error.fields && Object.keys(reply.error.fields)).toContain(field)
    }
    const accounts = await cloud.collection('accounts', { phone: '13500135003' })
    expect(accounts).toEqual([])
  })

  it('creates nothing twice when a weak network repeats the same submit', async () => {
    const openid = 'o-retry'
    const code = await codeFor(cloud, openid, '13500135004')
    const event = bindInput({ name: '郑爽', phone: '13500135004', code, projectId: 'p-yangguang' })
    const [a, b] = await Promise.all([call('submit', event, openid), call('submit', event, openid)])
    const c = await call('submit', event, openid)
    const oks = [a, b, c].filter((r) => r.ok)
    expect(oks.length).toBeGreaterThanOrEqual(2)
    for (const r of oks) expect(expectOk(r).account!._id).toBe(expectOk(oks[0]).account!._id)
    for (const r of [a, b].filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    expect(await cloud.collection('accounts', { phone: '13500135004' })).toHaveLength(1)
    expect(await cloud.collection('todos', { title: '经办人郑爽申请绑定，待授权' })).toHaveLength(1)
  })

  it('binds one account when one WeChat submits twice at once with different requests', async () => {
    const openid = 'o-double'
    const code = await codeFor(cloud, openid, '13500135005')
    const event = bindInput({ name: '冯远', phone: '13500135005', code, projectId: 'p-yangguang' })
    const replies = await Promise.all([
      call('submit', { ...event, requestId: newRequestId() }, openid),
      call('submit', { ...event, requestId: newRequestId() }, openid),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(await cloud.collection('accounts', { openid })).toHaveLength(1)
  })
})

describe('one WeChat, one account', () => {
  it('holds even when one WeChat applies twice at once with two phones and two valid codes', async () => {
    const openid = 'o-two-phones'
    const phones = ['13500135006', '13500135007']
    const codes = [await codeFor(cloud, openid, phones[0]), await codeFor(cloud, openid, phones[1])]
    const replies = await Promise.all(
      phones.map((phone, i) =>
        call(
          'submit',
          bindInput({ name: '双号', phone, code: codes[i], projectId: 'p-yangguang' }),
          openid,
        ),
      ),
    )
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'ALREADY_BOUND')
    expect(await cloud.collection('accounts', { openid })).toHaveLength(1)
    // The losing phone is not left reserved: another WeChat can bind it.
    const loser = phones[replies.findIndex((r) => !r.ok)]
    await clock(cloud)(61_000)
    expect(expectOk(await bindAsHandler(cloud, 'o-third', '第三人', loser)).status).toBe('pending')
  })
})

describe('keys left behind by something other than their holder', () => {
  it('do not block a binding: the next one repairs them in its own transaction', async () => {
    const openid = 'o-died'
    const phone = '13500135008'
    // What an attempt of the old, non-transactional binding could leave when it died.
    const db = connectSdk(cloud.url).database()
    const stale = { accountId: 'provisional-dead-attempt', at: Date.now() }
    await result(db.collection('binding_keys').add({ data: { _id: `openid-${openid}`, ...stale } }))
    await result(db.collection('binding_keys').add({ data: { _id: `phone-${phone}`, ...stale } }))

    const session = expectOk(await bindAsHandler(cloud, openid, '复活', phone))
    expect(session.status).toBe('pending')
    const keys = await cloud.collection('binding_keys', { accountId: session.account!._id })
    expect(keys.map((k) => k._id).sort()).toEqual([`openid-${openid}`, `phone-${phone}`])
  })

  it('still hold while their account is bound', async () => {
    // demo-handler's phone: its key names a live, active account.
    expectError(await bindAsHandler(cloud, 'o-key-thief', '窃号', '13800138002'), 'ALREADY_BOUND')
  })
})

describe('verification codes', () => {
  const advance = () => clock(cloud)

  it('sends a 6-digit code, stored only as a hash', async () => {
    const code = await codeFor(cloud, 'o-code-1', '13500135010')
    expect(code).toMatch(/^\d{6}$/)
    const stored = await cloud.collection('sms_codes', { phone: '13500135010' })
    expect(JSON.stringify(stored)).not.toContain(code)
  })

  it('allows a resend only after 60 s', async () => {
    const tick = advance()
    await codeFor(cloud, 'o-code-2', '13500135011')
    expectError(await call('sendCode', { phone: '13500135011' }, 'o-code-2'), 'RATE_LIMITED')
    await tick(61_000)
    expectOk(await call('sendCode', { phone: '13500135011' }, 'o-code-2'))
  })

  it('refuses a code after 5 minutes', async () => {
    const tick = advance()
    const code = await codeFor(cloud, 'o-code-3', '13500135012')
    await tick(5 * 60_000 + 1000)
    const reply = await call(
      'submit',
      bindInput({ name: '钱七', phone: '13500135012', code, projectId: 'p-yangguang' }),
      'o-code-3',
    )
    expectError(reply, 'CODE_EXPIRED')
  })

  it('invalidates a code after 5 wrong tries, even if the 6th is right', async () => {
    const code = await codeFor(cloud, 'o-code-4', '13500135013')
    const wrong = code === '000000' ? '111111' : '000000'
    const submit = (c: string) =>
      call(
        'submit',
        bindInput({ name: '孙八', phone: '13500135013', code: c, projectId: 'p-yangguang' }),
        'o-code-4',
      )
    // Six wrong guesses at once: at most five are counted, the sixth finds the code spent.
    const tries = await Promise.all([1, 2, 3, 4, 5, 6].map(() => submit(wrong)))
    const codes = tries.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c === 'CODE_INVALID').length).toBeLessThanOrEqual(5)
    expect(codes).toContain('CODE_EXPIRED')
    expectError(await submit(code), 'CODE_EXPIRED')
  })

  it('caps codes at 10 a day per phone and per WeChat', async () => {
    const tick = advance()
    for (let i = 0; i < 10; i++) {
      expectOk(await call('sendCode', { phone: '13500135020' }, `o-cap-${i}`))
      await tick(61_000)
    }
    expectError(await call('sendCode', { phone: '13500135020' }, 'o-cap-x'), 'RATE_LIMITED')
    for (let i = 0; i < 10; i++) {
      expectOk(
        await call('sendCode', { phone: `135001351${String(i).padStart(2, '0')}` }, 'o-cap-wechat'),
      )
    }
    expectError(await call('sendCode', { phone: '13500135199' }, 'o-cap-wechat'), 'RATE_LIMITED')
    await tick(24 * 3600_000)
    expectOk(await call('sendCode', { phone: '13500135199' }, 'o-cap-wechat'))
  })

  it('accepts mainland mobile numbers only', async () => {
    for (const phone of [
      '+8613500135030',
      '2350013503',
      '1350013503',
      '135001350301',
      '10000000000',
    ]) {
      expectError(await call('sendCode', { phone }, 'o-code-5'), 'BAD_INPUT')
    }
  })
})
