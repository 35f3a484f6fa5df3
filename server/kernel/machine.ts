import { AppError } from '../../types/errors'
import { txGet, type Tx } from './tx'

/** A state machine written as data: each event names the states it leaves and the one it enters. */
export type Machine<S extends string> = Record<
  string,
  { readonly from: readonly S[]; readonly to: S }
>

/** A document that moves through a machine; `version` counts its changes. */
export interface Versioned<S extends string> {
  _id: string
  status: S
  version: number
  updatedAt: number
}

/**
 * Applies `event` to the document `id` of `collection` inside `tx`: only from the machine's `from`
 * states and only if nobody changed the document since `expectedVersion` (two managers, one
 * request: one wins, the other gets CONFLICT). Returns the document as written.
 */
export async function move<S extends string, D extends Versioned<S>>(
  tx: Tx,
  collection: string,
  machine: Machine<S>,
  event: string,
  id: string,
  expectedVersion: number,
  patch: Partial<D>,
  at: number,
): Promise<D> {
  const rule = machine[event]
  const doc = await txGet<D>(tx, collection, id)
  if (!doc) throw new AppError('NOT_FOUND')
  if (doc.version !== expectedVersion || !rule.from.includes(doc.status)) {
    throw new AppError('CONFLICT')
  }
  const change = { ...patch, status: rule.to, updatedAt: at, version: expectedVersion + 1 }
  await tx
    .collection(collection)
    .doc(id)
    .update({ data: change as Record<string, unknown> })
  return { ...doc, ...change }
}
