/**
 * A function can stop between any two of its writes (a crash, WeChat's 3 s time limit). For every
 * multi-write identity action, stop it — or fail one write — at each point in turn, then check the
 * invariant and that a retry completes the work (issue #8 §2):
 *   one phone and one WeChat have at most one bound account, and a bound account holds its keys,
 *   has its audit row and, while pending, its manager's to-do.
 * Also kill -9 the local cloud in the middle of a burst of bindings.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { BindingContract } from '../../types/binding'
import { PermissionsContract } from '../../types/permissions'
import { caller, clock, codeFor, expectError, expectOk, newRequestId, type Reply } from './helpers'
import { until } from '../support/until'

interface Account {
  _id: string
  openid: string | null
  phone: string
  role: string
  status: string
  version: number
}
interface Subject {
  openid: string
  phone: string
  /** Sends the action's request (and again, the same, on retry), when the action is idempotent. */
  send?: () => Promise<Reply>
  accountId?: string
  newPhone?: string
}

const BOUND = ['pending', 'active', 'rejected']
const STALE_CLAIM_MS = 31_000

let cloud: TestCloud
let tick: (ms: number) => Promise<void>
let seq = 0

beforeAll(async () => {
  // Its own: the last test kills it with kill -9.
  cloud = await startCloud({ own: true })
  tick = clock(cloud)
}, 60_000)
afterAll(() => cloud?.stop())

const binding = caller(() => cloud, BindingContract)
const permissions = caller(() => cloud, PermissionsContract)

function fresh(): Subject {
  seq++
  return { openid: `o-fault-${seq}`, phone: `1350013${String(5000 + seq)}` }
}

async function accountOf(openid: string): Promise<Account | undefined> {
  const [account] = await cloud.collection<Account>('accounts', {
    openid,
    status: { $in: BOUND },
  })
  return account
}

async function submitInput(s: Subject, phone = s.phone) {
  return {
    category: 'property' as const,
    name: '故障',
    phone,
    code: await codeFor(cloud, s.openid, phone),
    projectId: 'p-yangguang',
    requestId: newRequestId(),
  }
}

async function pendingHandler(): Promise<Subject> {
  const s = fresh()
  const session = expectOk(await binding('submit', await submitInput(s), s.openid))
  return { ...s, accountId: session.account!._id }
}

async function activeHandler(): Promise<Subject> {
  const s = await pendingHandler()
  const version = (await accountOf(s.openid))!.version
  expectOk(
    await permissions(
      'authorize',
      { accountId: s.accountId!, version, modules: ['todos' as const] },
      'demo-manager',
    ),
  )
  return s
}

/** The invariant, over every account the tests made. */
async function expectOneBindingEach(): Promise<void> {
  const bound = await cloud.collection<Account>('accounts', { status: { $in: BOUND } })
  const keys = new Map(
    (await cloud.collection<{ _id: string; accountId: string }>('binding_keys')).map((k) => [
      k._id,
      k.accountId,
    ]),
  )
  const holders = new Map<string, string>()
  for (const a of bound) {
    for (const key of [...(a.openid ? [`openid-${a.openid}`] : []), `phone-${a.phone}`]) {
      expect({ key, heldBy: holders.get(key) }).toEqual({ key, heldBy: undefined })
      holders.set(key, a._id)
      expect({ key, owner: keys.get(key) }).toEqual({ key, owner: a._id })
    }
    if (!a.openid?.startsWith('o-fault')) continue
    expect((await cloud.collection('audit_log', { targetId: a._id })).length).toBeGreaterThan(0)
    const todos = await cloud.collection('todos', { targetId: a._id, status: 'pending' })
    expect(todos).toHaveLength(a.status === 'pending' ? 1 : 0)
  }
}

interface Scenario {
  prepare(): Promise<Subject>
  act(s: Subject): Promise<Reply>
  /** What the user (or the page, after refreshing) does again; must succeed. */
  retry(s: Subject): Promise<Reply>
  /** The work is complete, and done once. */
  check(s: Subject): Promise<void>
}

const scenarios: Record<string, Scenario> = {
  'binding.submit': {
    async prepare() {
      const s = fresh()
      const input = await submitInput(s)
      return { ...s, send: () => binding('submit', input, s.openid) }
    },
    act: (s) => s.send!(),
    retry: (s) => s.send!(),
    async check(s) {
      const accounts = await cloud.collection<Account>('accounts', { phone: s.phone })
      expect(accounts.map((a) => a.status)).toEqual(['pending'])
    },
  },
  'binding.submit after a rejection': {
    async prepare() {
      const s = await pendingHandler()
      expectOk(
        await permissions(
          'reject',
          { accountId: s.accountId!, version: 1, reason: '信息有误' },
          'demo-manager',
        ),
      )
      const newPhone = `1350014${String(5000 + seq)}`
      const input = await submitInput(s, newPhone)
      return { ...s, newPhone, send: () => binding('submit', input, s.openid) }
    },
    act: (s) => s.send!(),
    retry: (s) => s.send!(),
    async check(s) {
      const old = await cloud.collection<Account>('accounts', { _id: s.accountId })
      expect(old.map((a) => a.status)).toEqual(['unbound'])
      const now = await cloud.collection<Account>('accounts', { phone: s.newPhone })
      expect(now.map((a) => a.status)).toEqual(['pending'])
      expect(await cloud.collection('binding_keys', { _id: `phone-${s.phone}` })).toEqual([])
    },
  },
  'permissions.authorize': {
    prepare: pendingHandler,
    act: (s) =>
      permissions(
        'authorize',
        { accountId: s.accountId!, version: 1, modules: ['todos'] },
        'demo-manager',
      ),
    async retry(s) {
      const account = (await accountOf(s.openid))!
      if (account.status === 'active') return { ok: true, data: account }
      const input = { accountId: s.accountId!, version: account.version }
      return permissions('authorize', { ...input, modules: ['todos'] }, 'demo-manager')
    },
    async check(s) {
      expect((await accountOf(s.openid))!.status).toBe('active')
      const trail = await cloud.collection('audit_log', {
        targetId: s.accountId,
        action: 'authorize',
      })
      expect(trail).toHaveLength(1)
    },
  },
  'permissions.changePhone': {
    async prepare() {
      const s = await activeHandler()
      const newPhone = `1350015${String(5000 + seq)}`
      const code = await codeFor(cloud, s.openid, newPhone, 'newPhone')
      const input = { phone: newPhone, code, requestId: newRequestId() }
      return { ...s, newPhone, send: () => permissions('changePhone', input, s.openid) }
    },
    act: (s) => s.send!(),
    retry: (s) => s.send!(),
    async check(s) {
      expect((await accountOf(s.openid))!.phone).toBe(s.newPhone)
      expect(await cloud.collection('binding_keys', { _id: `phone-${s.phone}` })).toEqual([])
    },
  },
  'permissions.unbind': {
    prepare: activeHandler,
    act: (s) => permissions('unbind', {}, s.openid),
    async retry(s) {
      if (!(await accountOf(s.openid))) return { ok: true, data: null }
      return permissions('unbind', {}, s.openid)
    },
    async check(s) {
      expect(await accountOf(s.openid)).toBeUndefined()
      expect(await cloud.collection('binding_keys', { accountId: s.accountId })).toEqual([])
      const trail = await cloud.collection('audit_log', { targetId: s.accountId, action: 'unbind' })
      expect(trail).toHaveLength(1)
    },
  },
}

describe.each(Object.entries(scenarios))('%s stopped at each write', (_name, scenario) => {
  it('keeps one binding each at every stopping point, and a retry completes the work', async () => {
    // How many writes the action makes when nothing goes wrong.
    const probe = await scenario.prepare()
    await cloud.faults({ mode: 'fail', afterWrites: 1_000 })
    expectOk(await scenario.act(probe))
    const writes = await cloud.faults(null)
    expect(writes).toBeGreaterThan(0)

    for (const mode of ['stop', 'fail'] as const) {
      for (let afterWrites = 0; afterWrites < writes; afterWrites++) {
        const s = await scenario.prepare()
        await cloud.faults({ mode, afterWrites })
        const first = await scenario.act(s)
        await cloud.faults(null)
        if (!first.ok) expectError(first, 'INTERNAL')
        await expectOneBindingEach()
        // A claim the dead call left is stale by now; the user tries again.
        await tick(STALE_CLAIM_MS)
        expectOk(await scenario.retry(s))
        await expectOneBindingEach()
        await scenario.check(s)
      }
    }
  }, 120_000)
})

describe('kill -9 in the middle of a burst of bindings', () => {
  it('leaves one binding each, and every retry completes', async () => {
    const subjects = Array.from({ length: 40 }, fresh)
    const inputs = await Promise.all(subjects.map((s) => submitInput(s)))
    const burst = subjects.map((s, i) => binding('submit', inputs[i], s.openid).catch(() => null))
    // Kill as soon as the first bindings are written: the rest are in flight.
    const phones = subjects.map((s) => s.phone)
    await until(
      async () => (await cloud.collection('accounts', { phone: { $in: phones } })).length >= 3,
      'the first bindings',
    )
    await cloud.kill9()
    await Promise.all(burst)
    await cloud.restart()
    await expectOneBindingEach()
    await tick(STALE_CLAIM_MS)
    const retries = await Promise.all(
      subjects.map((s, i) => binding('submit', inputs[i], s.openid)),
    )
    for (const reply of retries) expect(expectOk(reply).status).toBe('pending')
    await expectOneBindingEach()
    for (const s of subjects) {
      expect(await cloud.collection('accounts', { phone: s.phone })).toHaveLength(1)
    }
  }, 120_000)
})
