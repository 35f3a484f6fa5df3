import { randomUUID } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import { ACCOUNT_TRANSITIONS, type Account, type AccountEvent } from '../../types/account'
import { AppError } from '../../types/errors'
import { first, insert, list, updateCount } from './db'

/**
 * Account rules shared by binding and permissions.
 *
 * Uniqueness ("one WeChat account binds one platform account; one phone has one active binding")
 * is held by the database, not by a read-then-write: each bound OPENID and each bound phone owns a
 * document in `binding_keys` whose `_id` is the key, and a second insert of the same `_id` fails.
 * Unbinding, removal and 注销 release both keys, so the WeChat and the phone can bind again
 * (as a new request); a rejected account keeps its keys until it re-applies or unbinds.
 */
const keys = () => cloud.database().collection('binding_keys')
const accountsColl = () => cloud.database().collection('accounts')

export { openidKey, phoneKey } from './keys'

/** Claims made for an account still being created are named so (see `provisionalHolder`). */
const PROVISIONAL = 'provisional-'
/** A provisional claim older than this was left by a call that died; it may be taken over. */
const PROVISIONAL_STALE_MS = 2 * 60_000

/** A holder id, unique per attempt, for keys claimed before the account exists. */
export function provisionalHolder(): string {
  return `${PROVISIONAL}${randomUUID()}`
}

interface KeyDoc {
  _id: string
  accountId: string
  at: number
}

/** Takes over a key a dead attempt left behind; false if anyone else got there first. */
async function takeOverStale(holder: KeyDoc, accountId: string, at: number): Promise<boolean> {
  if (!holder.accountId.startsWith(PROVISIONAL) || at - holder.at < PROVISIONAL_STALE_MS)
    return false
  const changed = await updateCount(
    keys().where({ _id: holder._id, accountId: holder.accountId, at: holder.at }),
    {
      accountId,
      at,
    },
  )
  return changed === 1
}

function alreadyBound(key: string): AppError {
  const field = key.startsWith('phone-') ? 'phone' : '_'
  const message = field === 'phone' ? '该手机号已绑定其他账号' : '该微信已绑定账号'
  return new AppError('ALREADY_BOUND', message, { [field]: message })
}

/**
 * Claims every key for `accountId`, or none: a key held by another account refuses them all.
 * Returns the keys this call newly took (not those the account already held), so a caller that
 * fails later releases only what it took.
 */
export async function claimKeys(
  accountId: string,
  wanted: string[],
  at: number,
): Promise<string[]> {
  const taken: string[] = []
  for (const key of wanted) {
    try {
      await insert(keys(), { _id: key, accountId, at })
      taken.push(key)
    } catch {
      const holder = await first<KeyDoc>(keys().where({ _id: key }))
      if (holder?.accountId === accountId) continue
      if (holder && (await takeOverStale(holder, accountId, at))) {
        taken.push(key)
        continue
      }
      await Promise.all(taken.map((k) => keys().where({ _id: k, accountId }).remove()))
      throw alreadyBound(key)
    }
  }
  return taken
}

export async function releaseKeys(accountId: string, only?: string[]): Promise<void> {
  const held = await list<{ _id: string }>(keys().where({ accountId }).limit(10))
  await Promise.all(
    held.filter((k) => !only || only.includes(k._id)).map((k) => keys().doc(k._id).remove()),
  )
}

export async function getAccount(id: string): Promise<Account> {
  const account = await first<Account>(accountsColl().where({ _id: id }))
  if (!account) throw new AppError('NOT_FOUND', '账号不存在')
  return account
}

/**
 * Applies a state-machine event to an account: only from the table's `from` states, and only if
 * nobody changed the account since `expectedVersion` (two managers, one request: one wins).
 */
export async function transition(
  account: Account,
  event: AccountEvent,
  expectedVersion: number,
  patch: Partial<Account>,
  at: number,
): Promise<Account> {
  const rule = ACCOUNT_TRANSITIONS[event]
  const _ = cloud.database().command
  if (
    account.version !== expectedVersion ||
    !(rule.from as readonly string[]).includes(account.status)
  ) {
    throw new AppError('CONFLICT')
  }
  const data = { ...patch, status: rule.to, updatedAt: at, version: _.inc(1) }
  const changed = await updateCount(
    accountsColl().where({ _id: account._id, version: expectedVersion, status: account.status }),
    data,
  )
  if (changed !== 1) throw new AppError('CONFLICT')
  return { ...account, ...patch, status: rule.to, updatedAt: at, version: account.version + 1 }
}
