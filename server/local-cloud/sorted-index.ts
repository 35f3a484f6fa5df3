import { compareValues, valuesAtPath, type Doc } from './values'

/**
 * One collection index from types/collections.ts. Entries are kept sorted by (key, _id) in a plain
 * array: lookups are binary searches, and an equality prefix + sort on the next field is a range
 * read in order, so a page costs about skip+limit entries whatever the collection size.
 * Array fields are multikey (one entry per element), as in MongoDB.
 */
export interface IndexDef {
  readonly fields: readonly (readonly [string, 1 | -1])[]
  readonly unique?: boolean
}

export interface Entry {
  readonly key: readonly unknown[]
  readonly id: string
}

/** Every key a document has under the fields: the cartesian product over array elements. */
export function keysOf(doc: Doc, paths: readonly string[]): unknown[][] {
  let keys: unknown[][] = [[]]
  for (const path of paths) {
    const leaves = valuesAtPath(doc, path).flatMap((v) =>
      Array.isArray(v) ? (v.length ? v : [undefined]) : [v],
    )
    const options = leaves.length ? leaves : [null]
    keys = keys.flatMap((k) => options.map((v) => [...k, v ?? null]))
  }
  return keys
}

export class SortedIndex {
  readonly name: string
  readonly paths: readonly string[]
  readonly dirs: readonly (1 | -1)[]
  private entries: Entry[] = []
  /** Set once a document contributed more than one entry: range reads must then dedupe ids. */
  multikey = false

  constructor(readonly def: IndexDef) {
    this.paths = def.fields.map(([p]) => p)
    this.dirs = def.fields.map(([, d]) => d)
    this.name = def.fields.map(([p, d]) => `${p}_${d}`).join('_')
  }

  get size(): number {
    return this.entries.length
  }

  at(i: number): Entry {
    return this.entries[i]
  }

  private compareKey(a: readonly unknown[], b: readonly unknown[], n: number): number {
    for (let i = 0; i < n; i++) {
      const c = compareValues(a[i], b[i])
      if (c !== 0) return c * this.dirs[i]
    }
    return 0
  }

  private compareEntry(a: Entry, b: Entry): number {
    const c = this.compareKey(a.key, b.key, this.paths.length)
    if (c !== 0) return c
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

  /** First position whose entry is not before `probe` (by `cmp`). */
  private lowerBound(cmp: (e: Entry) => number): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cmp(this.entries[mid]) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private entriesOf(doc: Doc): Entry[] {
    const keys = keysOf(doc, this.paths)
    if (keys.length > 1) this.multikey = true
    return keys.map((key) => ({ key, id: doc._id }))
  }

  add(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) {
      const at = this.lowerBound((e) => this.compareEntry(e, entry))
      this.entries.splice(at, 0, entry)
    }
  }

  remove(doc: Doc): void {
    for (const entry of this.entriesOf(doc)) {
      const at = this.lowerBound((e) => this.compareEntry(e, entry))
      const found = this.entries[at]
      if (found && found.id === entry.id && this.compareEntry(found, entry) === 0) {
        this.entries.splice(at, 1)
      }
    }
  }

  /** Replaces all entries at once: O(n log n) instead of n splices (bulk load, big batches). */
  rebuild(docs: Iterable<Doc>): void {
    this.multikey = false
    const entries: Entry[] = []
    for (const doc of docs) for (const e of this.entriesOf(doc)) entries.push(e)
    entries.sort((a, b) => this.compareEntry(a, b))
    this.entries = entries
  }

  /** [start, end) of the entries whose first `prefix.length` fields equal `prefix`. */
  range(prefix: readonly unknown[]): [number, number] {
    const n = prefix.length
    if (n === 0) return [0, this.entries.length]
    const start = this.lowerBound((e) => this.compareKey(e.key, prefix, n))
    const end = this.lowerBound((e) => (this.compareKey(e.key, prefix, n) <= 0 ? -1 : 1))
    return [start, end]
  }
}

/** Hash map from key to owner, so a unique check is O(1) even while a sorted index is rebuilt. */
export class UniqueGuard {
  private owners = new Map<string, string>()
  readonly paths: readonly string[]

  constructor(
    readonly name: string,
    def: IndexDef,
  ) {
    this.paths = def.fields.map(([p]) => p)
  }

  private hashes(doc: Doc): string[] {
    return [...new Set(keysOf(doc, this.paths).map(hashKey))]
  }

  /** The key another document already holds, if `doc` would duplicate it. */
  conflict(doc: Doc): unknown[] | null {
    for (const key of keysOf(doc, this.paths)) {
      const owner = this.owners.get(hashKey(key))
      if (owner !== undefined && owner !== doc._id) return key
    }
    return null
  }

  add(doc: Doc): void {
    for (const h of this.hashes(doc)) this.owners.set(h, doc._id)
  }

  remove(doc: Doc): void {
    for (const h of this.hashes(doc)) if (this.owners.get(h) === doc._id) this.owners.delete(h)
  }
}

function hashKey(key: unknown[]): string {
  // The holder's raw value, not `v`: JSON.stringify has already turned a Date into a string.
  return JSON.stringify(key, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k]
    if (raw instanceof Date) return { $date: raw.getTime() }
    if (raw instanceof RegExp) return { $regex: String(raw) }
    return v
  })
}
