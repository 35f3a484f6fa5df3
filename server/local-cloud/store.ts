import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { decodeStoredDoc, encodeDoc } from './ejson'
import { collectionNotExist, duplicateKey, invalidParam } from './errors'
import { SortedIndex, UniqueGuard, type IndexDef } from './sorted-index'
import type { Doc } from './values'

/**
 * The durable store: SQLite (WAL) is the truth, one table `(id, doc)` per collection; every
 * collection is also held in memory with its indexes for querying. A batch of writes is checked
 * and applied in memory, then committed in one SQLite transaction; if either step fails, memory is
 * rolled back, so a caller that got a reply has its write on disk.
 */
export interface CollectionState {
  readonly name: string
  readonly docs: Map<string, Doc>
  readonly indexes: SortedIndex[]
  readonly guards: UniqueGuard[]
  /** Write sequence number of each document's last change (kept after removal) for transactions. */
  readonly versions: Map<string, number>
}

/** One document's new state; `doc: null` removes it. */
export interface Write {
  readonly collection: string
  readonly id: string
  readonly doc: Doc | null
}

export type CollectionDefs = Readonly<Record<string, readonly IndexDef[]>>

const NAME = /^[A-Za-z0-9_-]{1,64}$/
// Past this many changes to one collection in a batch, re-sorting its indexes beats splicing.
const BULK_THRESHOLD = 256

export function validCollectionName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name)
}

const table = (name: string) => `"docs_${name}"`

interface Statements {
  upsert: Database.Statement
  remove: Database.Statement
}

export class Store {
  private readonly db: Database.Database
  private readonly collections = new Map<string, CollectionState>()
  private readonly statements = new Map<string, Statements>()
  private seq = 0

  constructor(
    readonly dataDir: string,
    defs: CollectionDefs,
    options: { synchronous?: 'FULL' | 'NORMAL' } = {},
  ) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, 'cloud.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);' +
        'CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY);',
    )
    const created = this.db.prepare('SELECT name FROM _collections').pluck().all() as string[]
    for (const [name, indexes] of Object.entries(defs)) this.load(name, indexes)
    for (const name of created) if (!this.collections.has(name)) this.load(name, [])
  }

  private load(name: string, indexDefs: readonly IndexDef[]): CollectionState {
    if (!validCollectionName(name)) throw new Error(`Invalid collection name ${name}`)
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`,
    )
    const docs = new Map<string, Doc>()
    const rows = this.db
      .prepare(`SELECT id, doc FROM ${table(name)} ORDER BY rowid`)
      .raw()
      .iterate()
    for (const [id, text] of rows as Iterable<[string, string]>) {
      docs.set(id, decodeStoredDoc(text) as Doc)
    }
    const state: CollectionState = {
      name,
      docs,
      indexes: indexDefs.map((d) => new SortedIndex(d)),
      guards: [],
      versions: new Map(),
    }
    for (const index of state.indexes) {
      index.rebuild(docs.values())
      if (index.def.unique) state.guards.push(new UniqueGuard(index.name, index.def))
    }
    for (const doc of docs.values()) for (const g of state.guards) g.add(doc)
    this.collections.set(name, state)
    this.statements.set(name, {
      upsert: this.db.prepare(
        `INSERT INTO ${table(name)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
      ),
      remove: this.db.prepare(`DELETE FROM ${table(name)} WHERE id = ?`),
    })
    return state
  }

  has(name: string): boolean {
    return this.collections.has(name)
  }

  names(): string[] {
    return [...this.collections.keys()]
  }

  collection(name: string): CollectionState {
    const state = this.collections.get(name)
    if (!state) throw collectionNotExist(name)
    return state
  }

  /** Creates a collection (cloud console / db.createCollection); false if it already exists. */
  createCollection(name: string, indexes: readonly IndexDef[] = []): boolean {
    if (!validCollectionName(name)) throw invalidParam(`invalid collection name: ${String(name)}`)
    if (this.collections.has(name)) return false
    this.db.prepare('INSERT OR IGNORE INTO _collections (name) VALUES (?)').run(name)
    this.load(name, indexes)
    return true
  }

  version(collection: string, id: string): number {
    return this.collection(collection).versions.get(id) ?? 0
  }

  /**
   * Applies all writes or none; throws CloudError on a unique-index violation. `meta` is written in
   * the same SQLite transaction (the seed marker must land with the seed, or not at all).
   */
  apply(writes: readonly Write[], meta: Record<string, string> = {}): void {
    if (writes.length === 0 && Object.keys(meta).length === 0) return
    const bulk = this.bulkCollections(writes)
    const undo: (() => void)[] = []
    try {
      for (const w of writes) undo.push(this.applyInMemory(w, bulk))
      this.persist(writes, meta)
    } catch (err) {
      for (const u of undo.reverse()) u()
      throw err
    } finally {
      for (const name of bulk) this.rebuildIndexes(this.collection(name))
    }
  }

  private bulkCollections(writes: readonly Write[]): Set<string> {
    const counts = new Map<string, number>()
    for (const w of writes) counts.set(w.collection, (counts.get(w.collection) ?? 0) + 1)
    return new Set([...counts].filter(([, n]) => n > BULK_THRESHOLD).map(([name]) => name))
  }

  private applyInMemory(w: Write, bulk: Set<string>): () => void {
    const state = this.collection(w.collection)
    const old = state.docs.get(w.id) ?? null
    const oldVersion = state.versions.get(w.id)
    this.checkUnique(state, w.doc)
    this.swap(state, old, w.doc, !bulk.has(w.collection))
    state.versions.set(w.id, ++this.seq)
    return () => {
      this.swap(state, w.doc, old, !bulk.has(w.collection))
      if (oldVersion === undefined) state.versions.delete(w.id)
      else state.versions.set(w.id, oldVersion)
    }
  }

  private checkUnique(state: CollectionState, doc: Doc | null): void {
    if (!doc) return
    for (const guard of state.guards) {
      const key = guard.conflict(doc)
      if (key) throw duplicateKey(state.name, guard.name, key)
    }
  }

  private swap(state: CollectionState, old: Doc | null, next: Doc | null, indexNow: boolean) {
    if (old) {
      if (indexNow) for (const index of state.indexes) index.remove(old)
      for (const guard of state.guards) guard.remove(old)
    }
    if (next) {
      if (indexNow) for (const index of state.indexes) index.add(next)
      for (const guard of state.guards) guard.add(next)
      state.docs.set(next._id, next)
    } else if (old) {
      state.docs.delete(old._id)
    }
  }

  private rebuildIndexes(state: CollectionState): void {
    for (const index of state.indexes) index.rebuild(state.docs.values())
  }

  private persist(writes: readonly Write[], meta: Record<string, string>): void {
    const encoded = writes.map((w) => ({ ...w, text: w.doc ? encodeDoc(w.doc) : null }))
    this.db.transaction(() => {
      for (const w of encoded) {
        const st = this.statements.get(w.collection)!
        if (w.text === null) st.remove.run(w.id)
        else st.upsert.run(w.id, w.text)
      }
      for (const [k, v] of Object.entries(meta)) this.setMeta(k, v)
    })()
  }

  /**
   * Empties every collection and forgets every meta value (the seed marker, the clock): the test
   * harness's reset between test files sharing one local cloud. Versions keep counting up, so a
   * transaction that read a document before the reset conflicts.
   */
  clear(): void {
    this.db.transaction(() => {
      for (const name of this.collections.keys()) this.db.exec(`DELETE FROM ${table(name)}`)
      this.db.exec('DELETE FROM _meta')
    })()
    for (const state of this.collections.values()) {
      for (const id of state.docs.keys()) state.versions.set(id, ++this.seq)
      state.docs.clear()
      this.rebuildIndexes(state)
      state.guards.splice(
        0,
        state.guards.length,
        ...state.indexes
          .filter((index) => index.def.unique)
          .map((index) => new UniqueGuard(index.name, index.def)),
      )
    }
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM _meta WHERE key = ?').pluck().get(key)
    return typeof row === 'string' ? row : null
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
