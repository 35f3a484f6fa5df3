/**
 * Bad events beyond what the contract-driven tests (contracts.test.ts) generate for every action:
 * parameters where an action takes none, events that are not objects, unknown actions.
 */
import { BindingContract } from '../../types/binding'
import { PermissionsContract } from '../../types/permissions'
import { expectError, caller } from './helpers'
import { fileCloud } from './setup'

const cloud = fileCloud()

const binding = caller(cloud, BindingContract)
const permissions = caller(cloud, PermissionsContract)
const NO_PARAMS = [
  ['binding', 'me', binding],
  ['permissions', 'unbind', permissions],
] as const

describe.each(NO_PARAMS)('%s.%s', (_fn, action, call) => {
  it('refuses any parameter', async () => {
    for (const extra of [{ openid: 'demo-manager' }, { role: 'manager' }, { x: { $ne: '' } }]) {
      expectError(await call.raw({ action, ...extra }, 'demo-handler'), 'BAD_INPUT')
    }
  })
})

it('refuses events that are not objects, and unknown actions', async () => {
  for (const event of ['me', 42, null, [{ action: 'me' }]]) {
    const reply = await binding.raw(event, 'demo-handler')
    expect(reply.ok).toBe(false)
  }
  expectError(await permissions.raw({ action: 'toString' }, 'demo-manager'), 'UNKNOWN_ACTION')
  expectError(await permissions.raw({ action: '__proto__' }, 'demo-manager'), 'UNKNOWN_ACTION')
  expectError(await permissions.raw({}, 'demo-manager'), 'UNKNOWN_ACTION')
})
