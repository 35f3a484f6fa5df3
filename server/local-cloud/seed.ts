import { plain } from './ejson'
import type { Store, Write } from './store'
import { isPlainObject, type Doc } from './values'

/** Collection → documents, each with its `_id` (server/seed/index.ts demoData()). */
export type SeedData = Record<string, Record<string, unknown>[]>

const MARKER = 'seededAt'

export function isSeeded(store: Store): boolean {
  return store.getMeta(MARKER) !== null
}

function toWrites(store: Store, data: SeedData): Write[] {
  const now = () => Date.now()
  return Object.entries(data).flatMap(([collection, docs]) => {
    if (!store.has(collection)) store.createCollection(collection)
    return docs.map((raw) => {
      const doc = plain(structuredClone(raw), now)
      if (!isPlainObject(doc) || typeof doc._id !== 'string') {
        throw new Error(`seed document in ${collection} needs a string _id`)
      }
      return { collection, id: doc._id, doc: doc as Doc }
    })
  })
}

/**
 * Inserts the seed once: documents and marker commit together, so a crash mid-seed leaves
 * neither and the next start seeds again. Returns how many documents were written.
 */
export function seedIfNeeded(store: Store, data: (now: number) => SeedData): number {
  if (isSeeded(store)) return 0
  const at = Date.now()
  const writes = toWrites(store, data(at))
  store.apply(writes, { [MARKER]: String(at) })
  return writes.length
}
