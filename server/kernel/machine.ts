import { AppError } from '../../types/errors'
import { allowedEvents, type Machine } from '../../types/machine'
import { txGet, type Tx } from './tx'

export type { Machine } from '../../types/machine'

/** A document that moves through a machine; `version` counts its changes. */
export interface Versioned<S extends string> {
  _id: string
  status: S
  version: number
  updatedAt: number
}

/**
 * Applies `event` to the document `id` of `collection` inside `tx`, for every state machine of
 * the project (accounts, safety submissions, parking editions …):
 * - changed since `expectedVersion` (two phones, one record) → CONFLICT;
 * - an event the current state does not allow → INVALID_STATE, naming the events it does allow.
 * Returns the document as written. The caller writes the audit row and the to-dos in the same
 * `tx` (a workflow step does both), so the move and its trail land together.
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
  if (doc.version !== expectedVersion) throw new AppError('CONFLICT')
  if (!rule.from.includes(doc.status)) {
    throw new AppError('INVALID_STATE', undefined, undefined, allowedEvents(machine, doc.status))
  }
  const change = { ...patch, status: rule.to, updatedAt: at, version: expectedVersion + 1 }
  await tx
    .collection(collection)
    .doc(id)
    .update({ data: change as Record<string, unknown> })
  return { ...doc, ...change }
}
