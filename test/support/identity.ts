import { BindingContract } from '../../types/binding'
import type { TestCloud } from './cloud'
import { caller, codeFor, expectOk, newRequestId } from '../functions/helpers'

/** The newcomer who applies as a handler of 阳光花园 in binding.test.ts (and is answered in permissions.test.ts). */
export const APPLICANT = { openid: 'e2e-newcomer', name: '孙丽娜', phone: '13912345678' } as const

/**
 * `openid` applies as a handler of `projectId` through the binding function, as the 身份认证 form
 * does: the pending request a manager then answers in 权限管理.
 */
export async function applyAsHandler(
  cloud: TestCloud,
  openid: string,
  person: { name: string; phone: string; projectId: string },
): Promise<void> {
  const code = await codeFor(cloud, openid, person.phone)
  const input = { category: 'property' as const, ...person, code, requestId: newRequestId() }
  const session = expectOk(await caller(cloud, BindingContract)('submit', input, openid))
  if (session.account?.status !== 'pending') throw new Error(`${person.name} is not pending`)
}
