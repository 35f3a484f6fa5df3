/**
 * Bad events beyond what the contract-driven tests (contracts.test.ts) generate for every action:
 * parameters where an action takes none, events that are not objects, unknown actions.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { expectError, type Reply } from './helpers'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startCloud()
}, 60_000)
afterAll(() => cloud?.stop())

const NO_PARAMS: [string, string][] = [
  ['binding', 'me'],
  ['permissions', 'unbind'],
]

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
