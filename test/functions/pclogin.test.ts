/**
 * 电脑端登录 through the real pclogin function and the local cloud's web gateway: a computer (an
 * anonymous web user) asks for a code, a bound phone reads and confirms it, the computer collects
 * a custom-login ticket once and then calls the same functions as the phone's account, until the
 * session ends (退出登录, ended from the phone, idle, too old, the account letting go of WeChat).
 */
import type { Account } from '../../types/account'
import { BindingContract } from '../../types/binding'
import { PC_LOGIN, PcLoginContract, type LoginCode } from '../../types/pclogin'
import { PermissionsContract } from '../../types/permissions'
import { TodosContract } from '../../types/todos'
import { startCloud, type TestCloud } from '../support/cloud'
import { webVisitor, type WebClient, type WebReply } from '../support/web'
import { caller, clock, expectError, expectOk } from './helpers'
import { bindRegistered } from './registered'

let cloud: TestCloud
let advance: (ms: number) => Promise<void>
const phone = caller(() => cloud, PcLoginContract)
const perms = caller(() => cloud, PermissionsContract)

beforeAll(async () => {
  cloud = await startCloud()
  advance = clock(cloud)
}, 60_000)
afterAll(() => cloud?.stop())
// Every code is asked from 127.0.0.1: each test gets a quota window of its own.
beforeEach(() => advance(PC_LOGIN.quotaWindowMs))

function ok<T>(reply: WebReply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`)
  return reply.data
}

function refused(reply: WebReply<unknown>, code: string): void {
  if (reply.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(reply.data)}`)
  expect(reply.error.code).toBe(code)
}

/** What the computer keeps of its code to poll with. */
const held = ({ loginId, secret }: LoginCode) => ({ loginId, secret })

async function askCode(pc?: WebClient): Promise<{ pc: WebClient; code: LoginCode }> {
  const client = pc ?? (await webVisitor(cloud))
  return { pc: client, code: ok(await client.act(PcLoginContract, 'request', {})) }
}

/** The whole round: code, phone 确认, the computer signed in as `openid`'s account. */
async function signedIn(openid = 'demo-handler'): Promise<WebClient> {
  const { pc, code } = await askCode()
  expectOk(await phone('approve', { loginId: code.loginId }, openid))
  const answer = ok(await pc.act(PcLoginContract, 'poll', held(code)))
  if (answer.status !== 'approved') throw new Error(`not approved: ${answer.status}`)
  await pc.signIn(answer.ticket)
  return pc
}

describe('scan to log in', () => {
  it('signs the computer in as the account that confirmed, through the same functions', async () => {
    const { pc, code } = await askCode()
    expect(code.loginId).toMatch(/^[A-Za-z0-9]{24}$/)
    expect(code.image).toMatch(/^data:image\/png;base64,/)
    expect(ok(await pc.act(PcLoginContract, 'poll', held(code)))).toMatchObject({
      status: 'pending',
    })

    const peek = expectOk(await phone('peek', { loginId: code.loginId }, 'demo-handler'))
    expect(peek).toMatchObject({ loginId: code.loginId, status: 'pending' })
    expect(peek.ip).toMatch(/127\.0\.0\.1|::1/)
    expectOk(await phone('approve', { loginId: code.loginId }, 'demo-handler'))

    const answer = ok(await pc.act(PcLoginContract, 'poll', held(code)))
    expect(answer).toMatchObject({ status: 'approved', name: '李晓华' })
    if (answer.status !== 'approved') return
    await pc.signIn(answer.ticket)
    const me = ok(await pc.act(BindingContract, 'me', {}))
    expect(me.account?.name).toBe('李晓华')
    expect(ok(await pc.act(TodosContract, 'counts', {}))).toEqual(
      expectOk(await caller(cloud, TodosContract)('counts', {}, 'demo-handler')),
    )
  })

  it('writes which door each change came through in the trail', async () => {
    const pc = await signedIn()
    const [session] = ok(await pc.act(PcLoginContract, 'sessions', {})).filter((s) => s.current)
    ok(await pc.act(PcLoginContract, 'endSession', { sessionId: session._id }))
    const rows = await cloud.collection<{ targetId: string; door: string; label: string }>(
      'audit_log',
      { targetId: session._id },
    )
    expect(rows.map((r) => [r.label, r.door]).sort()).toEqual([
      ['确认电脑端登录', '小程序'],
      ['退出电脑端登录', '电脑端'],
    ])
  })

  it('tells the computer when the phone cancels, and a cancelled code cannot be approved', async () => {
    const { pc, code } = await askCode()
    expectOk(await phone('cancel', { loginId: code.loginId }, 'demo-handler'))
    expect(ok(await pc.act(PcLoginContract, 'poll', held(code)))).toEqual({ status: 'cancelled' })
    expectError(await phone('approve', { loginId: code.loginId }, 'demo-handler'), 'INVALID_STATE')
  })

  it('lets a code expire after two minutes', async () => {
    const { pc, code } = await askCode()
    await advance(PC_LOGIN.requestTtlMs + 1000)
    expect(expectOk(await phone('peek', { loginId: code.loginId }, 'demo-handler')).status).toBe(
      'expired',
    )
    expectError(await phone('approve', { loginId: code.loginId }, 'demo-handler'), 'INVALID_STATE')
    expect(ok(await pc.act(PcLoginContract, 'poll', held(code)))).toEqual({ status: 'expired' })
  })

  it('gives the session once: a used code is refused to the computer and to the phone', async () => {
    const { pc, code } = await askCode()
    expectOk(await phone('approve', { loginId: code.loginId }, 'demo-handler'))
    const polls = await Promise.all(
      Array.from({ length: 5 }, () => pc.act(PcLoginContract, 'poll', held(code))),
    )
    const tickets = polls.filter((r) => r.ok && r.data.status === 'approved')
    expect(tickets).toHaveLength(1)
    for (const r of polls.filter((p) => !p.ok)) expect(r.ok || r.error.code).toBe('INVALID_STATE')
    refused(await pc.act(PcLoginContract, 'poll', held(code)), 'INVALID_STATE')
    expectError(await phone('approve', { loginId: code.loginId }, 'demo-manager'), 'INVALID_STATE')
  })

  it('lets one of two phones approve a code scanned by both', async () => {
    const { code } = await askCode()
    const replies = await Promise.all([
      phone('approve', { loginId: code.loginId }, 'demo-handler'),
      phone('approve', { loginId: code.loginId }, 'demo-manager'),
      phone('approve', { loginId: code.loginId }, 'demo-handler'),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok))
      expect(['INVALID_STATE', 'CONFLICT']).toContain(!r.ok && r.error.code)
  })

  it('keeps the session from anyone without the secret or from another browser', async () => {
    const { code } = await askCode()
    expectOk(await phone('approve', { loginId: code.loginId }, 'demo-handler'))
    const stranger = await webVisitor(cloud)
    refused(await stranger.act(PcLoginContract, 'poll', held(code)), 'NOT_FOUND')
    const { pc } = await askCode()
    const wrong = {
      loginId: code.loginId,
      secret: code.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    }
    refused(await pc.act(PcLoginContract, 'poll', wrong), 'NOT_FOUND')
  })

  it('lets only a bound, active account approve', async () => {
    const { code } = await askCode()
    expectError(
      await phone('approve', { loginId: code.loginId }, 'demo-pending'),
      'ACCOUNT_PENDING',
    )
    expectError(await phone('approve', { loginId: code.loginId }, 'o-nobody'), 'NOT_BOUND')
    expectError(await phone('peek', { loginId: code.loginId }, 'o-nobody'), 'NOT_BOUND')
    expectError(await phone('approve', { loginId: 'short' }, 'demo-handler'), 'BAD_INPUT')
    expectError(await phone('approve', { loginId: 'A'.repeat(24) }, 'demo-handler'), 'NOT_FOUND')
  })

  it('limits the codes one computer may ask for, also in a burst', async () => {
    const pcs = await Promise.all(Array.from({ length: 3 }, () => webVisitor(cloud)))
    const asks = await Promise.all(
      Array.from({ length: PC_LOGIN.requestsPerWindow + 5 }, (_, i) =>
        pcs[i % pcs.length].act(PcLoginContract, 'request', {}),
      ),
    )
    expect(asks.filter((r) => r.ok)).toHaveLength(PC_LOGIN.requestsPerWindow)
    for (const r of asks.filter((a) => !a.ok)) expect(!r.ok && r.error.code).toBe('RATE_LIMITED')
    await advance(PC_LOGIN.quotaWindowMs)
    ok(await pcs[0].act(PcLoginContract, 'request', {}))
  })
})

describe('doors', () => {
  it('lets a computer not signed in do nothing but ask for a code and wait', async () => {
    const pc = await webVisitor(cloud)
    refused(await pc.act(BindingContract, 'me', {}), 'NOT_SIGNED_IN')
    refused(await pc.act(TodosContract, 'counts', {}), 'NOT_SIGNED_IN')
    refused(await pc.act(PcLoginContract, 'sessions', {}), 'NOT_SIGNED_IN')
  })

  it('keeps the sign-in steps from the mini program', async () => {
    expectError(await phone('request', {}, 'demo-handler'), 'FORBIDDEN')
  })

  it('keeps what belongs to the WeChat itself on the phone', async () => {
    const pc = await signedIn()
    refused(await pc.act(PermissionsContract, 'unbind', {}), 'PHONE_ONLY')
    refused(
      await pc.act(PermissionsContract, 'sendPhoneCode', { phone: '13700137000' }),
      'PHONE_ONLY',
    )
    refused(await pc.act(BindingContract, 'sendCode', { phone: '13700137000' }), 'PHONE_ONLY')
    refused(await pc.act(PcLoginContract, 'approve', { loginId: 'A'.repeat(24) }), 'PHONE_ONLY')
  })
})

describe('sessions', () => {
  it('lists the computers signed in, and the phone ends one: its next call is refused', async () => {
    const pc = await signedIn('demo-manager')
    const list = expectOk(await phone('sessions', {}, 'demo-manager'))
    const row = list[0]
    expect(row).toMatchObject({ current: false })
    expect(row.ip).toMatch(/127\.0\.0\.1|::1/)
    expect(ok(await pc.act(PcLoginContract, 'sessions', {})).find((s) => s.current)?._id).toBe(
      row._id,
    )
    expectOk(await phone('endSession', { sessionId: row._id }, 'demo-manager'))
    refused(await pc.act(BindingContract, 'me', {}), 'SESSION_ENDED')
    expect(expectOk(await phone('sessions', {}, 'demo-manager')).map((s) => s._id)).not.toContain(
      row._id,
    )
  })

  it('ends a session once: a repeated or parallel 退出登录 from the phone is told it is over', async () => {
    await signedIn('demo-manager2')
    const [row] = expectOk(await phone('sessions', {}, 'demo-manager2'))
    const ends = await Promise.all(
      Array.from({ length: 3 }, () => phone('endSession', { sessionId: row._id }, 'demo-manager2')),
    )
    expect(ends.filter((r) => r.ok)).toHaveLength(1)
    for (const r of ends.filter((e) => !e.ok))
      expect(['INVALID_STATE', 'CONFLICT']).toContain(!r.ok && r.error.code)
    expectError(await phone('endSession', { sessionId: row._id }, 'demo-manager2'), 'INVALID_STATE')
    const trail = await cloud.collection<{ label: string }>('audit_log', { targetId: row._id })
    expect(trail.filter((t) => t.label === '退出电脑端登录')).toHaveLength(1)
  })

  it('ends on the computer’s own 退出登录', async () => {
    const pc = await signedIn()
    ok(await pc.act(PcLoginContract, 'logout', {}))
    refused(await pc.act(TodosContract, 'counts', {}), 'SESSION_ENDED')
  })

  it('ends after two hours idle, and after seven days however busy', async () => {
    const idle = await signedIn()
    await advance(PC_LOGIN.idleMs + 1000)
    refused(await idle.act(BindingContract, 'me', {}), 'SESSION_ENDED')

    const busy = await signedIn()
    for (let spent = 0; spent < PC_LOGIN.maxMs; spent += PC_LOGIN.idleMs - 60_000) {
      // A computer in use keeps its session alive (the web token refreshes itself likewise).
      ok(await busy.act(BindingContract, 'me', {}))
      await advance(PC_LOGIN.idleMs - 60_000)
    }
    refused(await busy.act(BindingContract, 'me', {}), 'SESSION_ENDED')
  })

  it('ends every session of an account that unbinds its WeChat', async () => {
    const liu = await bindRegistered(cloud, 'liu')
    const pc = await signedIn(liu)
    const other = await signedIn(liu)
    expectOk(await perms('unbind', {}, liu))
    refused(await pc.act(BindingContract, 'me', {}), 'SESSION_ENDED')
    refused(await other.act(TodosContract, 'counts', {}), 'SESSION_ENDED')
    // Binding the same WeChat again opens the account again, not the computers of before.
    await advance(PC_LOGIN.quotaWindowMs)
    await bindRegistered(cloud, 'liu', liu)
    refused(await pc.act(BindingContract, 'me', {}), 'SESSION_ENDED')
  })

  it('ends the sessions of a handler the manager removes', async () => {
    const pc = await signedIn('demo-handler')
    const [handler] = await cloud.collection<Account>('accounts', { openid: 'demo-handler' })
    const target = { accountId: handler._id, version: handler.version }
    expectOk(await perms('removeHandler', target, 'demo-manager'))
    refused(await pc.act(TodosContract, 'counts', {}), 'SESSION_ENDED')
  })

  it('refuses to end another account’s session', async () => {
    const pc = await signedIn('demo-manager2')
    const [row] = expectOk(await phone('sessions', {}, 'demo-manager2'))
    expectError(await phone('endSession', { sessionId: row._id }, 'demo-manager'), 'NOT_FOUND')
    ok(await pc.act(BindingContract, 'me', {}))
  })
})
