import * as cloud from 'wx-server-sdk'
import { ACCOUNT_TRANSITIONS, type Account, type AccountEvent } from '../../types/account'
import { AppError } from '../../types/errors'
import { first } from './db'
import { openidKey, phoneKey } from './keys'
import { move } from './machine'
import { txGet, type Tx } from './tx'

/**
 * Account rules shared by binding and permissions.
 *
 * Uniqueness ("one WeChat account binds one platform account; one phone has one active binding")
 * is held by the database: each bound OPENID and each bound phone owns a document in
 * `binding_keys` whose `_id` is the key. Every change of who holds a key happens in the same
 * transaction as the account change it belongs to (a binding writes its keys, account, to-do and
 * audit row together; leaving releases the keys with the status change), so a crash or a timeout
 * at any point leaves either all of it or none.
 *
 * A key is held only while its holder still holds it: the account exists, is bound
 * (pending/active/rejected) and still has that WeChat or phone. A key left behind by anything
 * else (data from before transactions, a hand edit) is free, and the next binding that touches
 * it repairs it inside its own transaction — never by a timer that could let two accounts in.
 */
const accountsColl = () => cloud.database().collection('accounts')

export { openidKey, phoneKey } from './keys'

/** Accounts that hold a WeChat binding; unbound and deregistered ones have released it. */
export const BOUND_STATUSES = ['pending', 'active', 'rejected'] as const

interface KeyDoc {
  _id: string
  accountId: string
  at: number
}

export function keysOf(account: Pick<Account, 'openid' | 'phone'>): string[] {
  return [...(account.openid ? [openidKey(account.openid)] : []), phoneKey(account.phone)]
}

function alreadyBound(key: string): AppError {
  const field = key.startsWith('phone-') ? 'phone' : '_'
  const message = field === 'phone' ? '该手机号已绑定其他账号' : '该微信已绑定账号'
  return new AppError('ALREADY_BOUND', message, { [field]: message })
}

/** Whether `accountId` (read inside tx, so a change to it conflicts) really holds `key`. */
async function holds(tx: Tx, accountId: string, key: string): Promise<boolean> {
  const account = await txGet<Account>(tx, 'accounts', accountId)
  if (!account || !(BOUND_STATUSES as readonly string[]).includes(account.status)) return false
  return keysOf(account).includes(key)
}

/**
 * Gives `key` to `accountId` inside `tx`, or throws ALREADY_BOUND when another account holds it.
 * Reading the key (even when missing) makes a parallel claim of it conflict at commit.
 */
export async function claimKey(tx: Tx, key: string, accountId: string, at: number): Promise<void> {
  const holder = await txGet<KeyDoc>(tx, 'binding_keys', key)
  if (holder?.accountId === accountId) return
  if (holder && (await holds(tx, holder.accountId, key))) throw alreadyBound(key)
  await tx.collection('binding_keys').doc(key).set({ data: { accountId, at } })
}

/** Releases `key` inside `tx` if `accountId` holds it (never someone else's). */
export async function releaseKey(tx: Tx, key: string, accountId: string): Promise<void> {
  const holder = await txGet<KeyDoc>(tx, 'binding_keys', key)
  if (holder?.accountId === accountId) await tx.collection('binding_keys').doc(key).remove()
}

export async function getAccount(id: string): Promise<Account> {
  const account = await first<Account>(accountsColl().where({ _id: id }))
  if (!account) throw new AppError('NOT_FOUND', '账号不存在')
  return account
}

/**
 * Applies a state-machine event to an account inside `tx`: only from the table's `from` states,
 * and only if nobody changed the account since `expectedVersion` (two managers, one request: one
 * wins).
 */
export function transition(
  tx: Tx,
  account: Account,
  event: AccountEvent,
  expectedVersion: number,
  patch: Partial<Account>,
  at: number,
): Promise<Account> {
  return move<Account['status'], Account>(
    tx,
    'accounts',
    ACCOUNT_TRANSITIONS,
    event,
    account._id,
    expectedVersion,
    patch,
    at,
  )
}
