import * as cloud from 'wx-server-sdk'
import { AppError } from '../../types/errors'

/**
 * Transactions of the cloud database (db.runTransaction). A multi-write action writes through one,
 * so a crash or a timeout at any point leaves all of it or none: there is no half-bound account,
 * no key without its account, no to-do without its event.
 *
 * What WeChat allows inside (and the local cloud enforces the same): single documents only —
 * `collection.add`, `doc(id).get/update/set/remove`; no `where`, no aggregate. So a transaction
 * reads by `_id`; anything found by a query is looked up before it and re-read inside it.
 * The database re-runs the callback when a document it read changed before commit (optimistic
 * concurrency), so the callback must be safe to run again: no side effects outside `tx`.
 */
interface TxDoc {
  get(): Promise<{ data: unknown }>
  update(opts: { data: Record<string, unknown> }): Promise<unknown>
  set(opts: { data: Record<string, unknown> }): Promise<unknown>
  remove(): Promise<unknown>
}
export interface Tx {
  collection(name: string): {
    doc(id: string): TxDoc
    add(opts: { data: Record<string, unknown> }): Promise<unknown>
  }
}

/** Runs `work` in a transaction; a conflict the database could not resolve is CONFLICT. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = cloud.database()
  try {
    return (await db.runTransaction(work)) as T
  } catch (err) {
    if (err instanceof AppError) throw err
    if ((err as { code?: unknown })?.code === 'DATABASE_TRANSACTION_CONFLICT') {
      throw new AppError('CONFLICT')
    }
    throw err
  }
}

/** A document by `_id` inside `tx`, or null (the SDK throws 'document with _id … does not exist'). */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  try {
    const { data } = await tx.collection(collection).doc(id).get()
    return (data as T) ?? null
  } catch (err) {
    const message = typeof err === 'string' ? err : (err as { errMsg?: unknown })?.errMsg
    if (typeof message === 'string' && message.includes('does not exist')) return null
    throw err
  }
}

/** Removes a document inside `tx` if it is there. */
export async function txRemove(tx: Tx, collection: string, id: string): Promise<void> {
  if (await txGet(tx, collection, id)) await tx.collection(collection).doc(id).remove()
}
