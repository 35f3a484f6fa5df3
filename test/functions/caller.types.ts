/**
 * Checked by the compiler (`npx tsc -p tsconfig.json --noEmit`), never run: the function tests'
 * caller (./caller.ts) holds them to the contracts. Each `@ts-expect-error` below fails the type
 * check if its line compiles — if a misspelt action or field, or a wrong type, were let through.
 */
import { FundsContract, type MovementPage } from '../../types/funds'
import type { TestCloud } from '../support/cloud'
import { caller, expectOk } from './helpers'

declare const cloud: TestCloud
const funds = caller(cloud, FundsContract, 'demo-manager')

export async function typedByTheContract(): Promise<MovementPage> {
  // @ts-expect-error a misspelt action
  await funds('movement', { accountId: 'fa-yg-income' })
  // @ts-expect-error a misspelt field
  await funds('movements', { acountId: 'fa-yg-income' })
  // @ts-expect-error a required field left out
  await funds('movements', { page: 0 })
  // @ts-expect-error a field of the wrong type
  await funds('movements', { accountId: 'fa-yg-income', page: '0' })
  // @ts-expect-error a direction the contract does not know
  await funds('movements', { accountId: 'fa-yg-income', direction: 'sideways' })

  const page = expectOk(await funds('movements', { accountId: 'fa-yg-income', page: 0 }))
  // @ts-expect-error the answer has the contract's output type: MovementPage has no `total`
  void page.total
  // Deliberately bad input goes through the one untyped door, and its answer is untyped.
  await funds.raw({ action: 'movements', accountId: 'fa-yg-income', page: '0' })
  return page
}
