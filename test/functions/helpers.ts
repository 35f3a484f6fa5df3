import { BindingContract } from '../../types/binding'
import { PermissionsContract } from '../../types/permissions'
import type { TestCloud } from '../support/cloud'
import { caller, type Reply } from './caller'

/** Shared steps of the identity tests, all through the functions' public actions. */
export { caller, type Caller, type Data, type Reply } from './caller'

let seq = 0
export const newRequestId = () => `req-${Date.now().toString(36)}-${(seq++).toString(36)}`

/**
 * Asks for a code and reads it from the local outbox, as a tester would: a code to bind
 * (binding.sendCode) or, for `newPhone`, one to change a bound account's phone
 * (permissions.sendPhoneCode).
 */
export async function codeFor(
  cloud: TestCloud,
  openid: string,
  phone: string,
  purpose: 'bind' | 'newPhone' = 'bind',
): Promise<string> {
  const sent =
    purpose === 'bind'
      ? await caller(cloud, BindingContract)('sendCode', { phone }, openid)
      : await caller(cloud, PermissionsContract)('sendPhoneCode', { phone }, openid)
  if (!sent.ok) throw new Error(`sendCode failed: ${JSON.stringify(sent.error)}`)
  const [latest] = (await cloud.outbox({ kind: 'sms', to: phone })) as { data: { code: string } }[]
  return latest.data.code
}

const offsets = new WeakMap<TestCloud, number>()

/** Moves the functions' clock forward (the local cloud's test clock); time never goes back. */
export function clock(cloud: TestCloud) {
  return async (ms: number) => {
    const offset = (offsets.get(cloud) ?? 0) + ms
    offsets.set(cloud, offset)
    await cloud.setClock(offset)
  }
}

/** What a property handler sends to bind (binding.submit), with a fresh requestId unless given. */
export function bindInput(fields: {
  name: string
  phone: string
  code: string
  projectId?: string
  requestId?: string
}) {
  return { category: 'property' as const, requestId: newRequestId(), ...fields }
}

export async function bindAsHandler(
  cloud: TestCloud,
  openid: string,
  name: string,
  phone: string,
  projectId = 'p-yangguang',
) {
  const code = await codeFor(cloud, openid, phone)
  return caller(cloud, BindingContract)(
    'submit',
    bindInput({ name, phone, code, projectId }),
    openid,
  )
}

export function expectError(reply: Reply<unknown>, code: string): void {
  if (reply.ok) throw new Error(`expected error ${code}, got ok: ${JSON.stringify(reply.data)}`)
  expect(reply.error.code).toBe(code)
}

export function expectOk<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`)
  return reply.data
}
