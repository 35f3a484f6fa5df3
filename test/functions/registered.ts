import { BindingContract } from '../../types/binding'
import type { TestCloud } from '../support/cloud'
import { codeFor, expectOk, newRequestId, caller } from './helpers'

/**
 * Binds a manager of the platform's registry (server/seed): 刘洋 manages 阳光花园 and 海滨广场,
 * 周文斌 阳光花园 and 翠湖雅苑 (a project with nothing on record). Resolves to the OPENID.
 */
export const REGISTERED = {
  liu: { name: '刘洋', phone: '13700137001' },
  zhou: { name: '周文斌', phone: '13700137002' },
} as const

export async function bindRegistered(
  cloud: TestCloud,
  who: keyof typeof REGISTERED,
  openid = `o-${who}-${Date.now().toString(36)}`,
): Promise<string> {
  const { name, phone } = REGISTERED[who]
  const code = await codeFor(cloud, openid, phone)
  const session = expectOk(
    await caller(cloud, BindingContract)(
      'submit',
      { category: 'property', name, phone, code, requestId: newRequestId() },
      openid,
    ),
  )
  if (session.account?.role !== 'manager') throw new Error(`${name} did not bind as a manager`)
  return openid
}

/** Every page of a paged list action, in order. */
export async function allPages<T>(
  call: (page: number) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>,
): Promise<T[][]> {
  const pages: T[][] = []
  for (let page = 0; page < 100; page++) {
    const reply = await call(page)
    const { rows, more } = expectOk(reply as never) as { rows: T[]; more: boolean }
    pages.push(rows)
    if (!more) return pages
  }
  throw new Error('more than 100 pages')
}

/** Every row of a paged list action, pages joined in order. */
export async function allRows<T>(
  call: (page: number) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>,
): Promise<T[]> {
  return (await allPages<T>(call)).flat()
}
