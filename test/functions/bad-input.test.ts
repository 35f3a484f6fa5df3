/**
 * Bad input for every action of binding and permissions: wrong types, missing and unknown fields,
 * operator objects where a value is expected, oversized strings, forged identity fields. Each is
 * a BAD_INPUT naming the field, and none writes anything.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { expectError, newRequestId, type Reply } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startCloud()
}, 60_000)
afterAll(() => cloud?.stop())

type Params = Record<string, unknown>
/** A valid payload per action, and its optional fields. */
const ACTIONS: [fn: string, action: string, base: Params, optional: string[]][] = [
  ['binding', 'sendCode', { phone: '13500000001' }, []],
  ['binding', 'searchProjects', { keyword: '阳光' }, []],
  [
    'binding',
    'submit',
    {
      category: 'property',
      name: '王五',
      phone: '13500000002',
      code: '123456',
      projectId: 'p-yangguang',
      requestId: newRequestId(),
    },
    ['projectId'],
  ],
  ['permissions', 'contacts', { projectId: 'p-yangguang' }, ['projectId']],
  [
    'permissions',
    'listHandlers',
    { status: 'pending', projectId: 'p-yangguang' },
    ['status', 'projectId'],
  ],
  ['permissions', 'authorize', { accountId: 'a-wang', version: 1, modules: ['todos'] }, []],
  ['permissions', 'reject', { accountId: 'a-wang', version: 1, reason: '信息不符' }, []],
  ['permissions', 'setModules', { accountId: 'a-li', version: 1, modules: ['todos'] }, []],
  ['permissions', 'removeHandler', { accountId: 'a-li', version: 1 }, []],
  ['permissions', 'auditTrail', { accountId: 'a-li', page: 0 }, ['accountId', 'page']],
  ['permissions', 'sendPhoneCode', { phone: '13500000003' }, []],
  [
    'permissions',
    'changePhone',
    { phone: '13500000003', code: '123456', requestId: newRequestId() },
    [],
  ],
  ['permissions', 'deregister', { confirm: true }, []],
]
const NO_PARAMS: [string, string][] = [
  ['binding', 'me'],
  ['permissions', 'unbind'],
]

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return 'true'
  return 'todos'
}

function mutations(base: Params, optional: string[]): [string, Params][] {
  const out: [string, Params][] = []
  for (const [field, value] of Object.entries(base)) {
    out.push([field, { ...base, [field]: { $ne: '' } }])
    out.push([field, { ...base, [field]: { $gt: null, $regex: '.*' } }])
    out.push([field, { ...base, [field]: wrongType(value) }])
    if (typeof value === 'string') out.push([field, { ...base, [field]: 'a'.repeat(5000) }])
    if (Array.isArray(value)) out.push([field, { ...base, [field]: [{ $ne: '' }] }])
    if (!optional.includes(field)) {
      const { [field]: _dropped, ...rest } = base
      out.push([field, rest])
    }
  }
  for (const forged of ['openid', 'OPENID', '_openid', 'role', 'userId', 'projectIds', 'status_']) {
    out.push([forged, { ...base, [forged]: forged === 'role' ? 'manager' : 'demo-manager' }])
  }
  return out
}

async function writesSoFar(): Promise<number> {
  const counts = await Promise.all(
    ['accounts', 'audit_log', 'todos', 'sms_codes', 'binding_keys', 'outbox'].map(
      async (c) => (await cloud.collection(c)).length,
    ),
  )
  return counts.reduce((a, b) => a + b, 0)
}

describe.each(ACTIONS)('%s.%s', (fn, action, base, optional) => {
  it.each(['demo-manager', 'demo-handler', 'demo-newcomer'])(
    'refuses every bad variant from %s, writing nothing',
    async (caller) => {
      const before = await writesSoFar()
      for (const [field, params] of mutations(base, optional)) {
        const reply = (await cloud.call(fn, { action, ...params }, caller)) as Reply
        expectError(reply, 'BAD_INPUT')
        const named = reply.ok ? [] : Object.keys(reply.error.fields ?? {})
        expect(named.some((k) => k === field || k.startsWith(`${field}.`))).toBe(true)
        if (!reply.ok) expect(JSON.stringify(reply.error)).not.toMatch(/at .*\.js|Error:|stack/)
      }
      expect(await writesSoFar()).toBe(before)
    },
  )
})

describe.each(NO_PARAMS)('%s.%s', (fn, action) => {
  it('refuses any parameter', async () => {
    for (const extra of [{ openid: 'demo-manager' }, { role: 'manager' }, { x: { $ne: '' } }]) {
      expectError(
        (await cloud.call(fn, { action, ...extra }, 'demo-handler')) as Reply,
        'BAD_INPUT',
      )
    }
  })
})

it('refuses events that are not objects, and unknown actions', async () => {
  for (const event of ['me', 42, null, [{ action: 'me' }]]) {
    const reply = (await cloud.call('binding', event, 'demo-handler')) as Reply
    expect(reply.ok).toBe(false)
  }
  expectError(
    (await cloud.call('permissions', { action: 'toString' }, 'demo-manager')) as Reply,
    'UNKNOWN_ACTION',
  )
  expectError(
    (await cloud.call('permissions', { action: '__proto__' }, 'demo-manager')) as Reply,
    'UNKNOWN_ACTION',
  )
  expectError((await cloud.call('permissions', {}, 'demo-manager')) as Reply, 'UNKNOWN_ACTION')
})
