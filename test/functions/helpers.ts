import type { TestCloud } from '../support/cloud'

/** Shared steps of the identity tests, all through the functions' public actions. */
// Tests read replies of many shapes; asserting on them is the point, so their data is untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any
export type Reply =
  | { ok: true; data: Data }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

let seq = 0
export const newRequestId = () => `req-${Date.now().toString(36)}-${(seq++).toString(36)}`

/** Asks for a code and reads it from the local outbox, as a tester would. */
export async function codeFor(
  cloud: TestCloud,
  openid: string,
  phone: string,
  fn = 'binding',
  action = 'sendCode',
): Promise<string> {
  const sent = (await cloud.call(fn, { action, phone }, openid)) as Reply
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

export async function bindAsHandler(
  cloud: TestCloud,
  openid: string,
  name: string,
  phone: string,
  projectId = 'p-yangguang',
): Promise<Reply> {
  const code = await codeFor(cloud, openid, phone)
  return (await cloud.call(
    'binding',
    {
      action: 'submit',
      category: 'property',
      name,
      phone,
      code,
      projectId,
      requestId: newRequestId(),
    },
    openid,
  )) as Reply
}

export function expectError(reply: Reply, code: string): void {
  if (reply.ok) throw new Error(`expected error ${code}, got ok: ${JSON.stringify(reply.data)}`)
  expect(reply.error.code).toBe(code)
}

export function expectOk(reply: Reply): Data {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`)
  return reply.data
}
