import { Query } from 'mingo'
import { CloudError } from './errors'
import type { SortedIndex } from './sorted-index'
import type { CollectionState } from './store'
import { compareValues, isPlainObject, sortKeyOf, type Doc, type SortSpec } from './values'

/**
 * Query planning and execution over one in-memory collection. A plan only narrows the candidates
 * (by `_id`, or by an index range); mingo then tests every candidate against the whole filter, so a
 * plan can never change which documents match, only how many are looked at.
 */
export type Filter = Record<string, unknown>

/** Uncommitted changes a transaction sees on top of the store: id → new doc, or null if removed. */
export type Overlay = ReadonlyMap<string, Doc | null>

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  /** Omitted: no limit (count, update, remove). */
  limit?: number
  overlay?: Overlay
}

export type Plan =
  | { kind: 'id'; ids: string[] }
  | { kind: 'index'; index: SortedIndex; prefix: unknown[]; ordered: boolean; reverse: boolean }
  | { kind: 'scan' }

export const MINGO_OPTIONS = { scriptEnabled: false } as const

function isScalar(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && !Number.isNaN(v)) ||
    v instanceof Date
  )
}

function equalityValue(v: unknown): { value: unknown } | null {
  if (isScalar(v)) return { value: v }
  if (isPlainObject(v) && Object.keys(v).length === 1 && '$eq' in v && isScalar(v.$eq)) {
    return { value: v.$eq }
  }
  return null
}

/** Field → value for the filter's top-level (and top-level `$and`) scalar equalities. */
export function equalities(filter: Filter, out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, v] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(v)) {
      for (const part of v) if (isPlainObject(part)) equalities(part, out)
      continue
    }
    if (key.startsWith('$')) continue
    const eq = equalityValue(v)
    if (eq && !out.has(key)) out.set(key, eq.value)
  }
  return out
}

function idList(filter: Filter): string[] | null {
  const v = filter._id
  if (typeof v === 'string') return [v]
  if (isPlainObject(v)) {
    if (typeof v.$eq === 'string') return [v.$eq]
    if (Array.isArray(v.$in) && v.$in.every((x) => typeof x === 'string')) return v.$in as string[]
  }
  if (Array.isArray(filter.$and)) {
    for (const part of filter.$and) {
      const ids = isPlainObject(part) ? idList(part) : null
      if (ids) return ids
    }
  }
  return null
}

function sortCoverage(index: SortedIndex, from: number, sort: SortSpec): 'same' | 'reverse' | null {
  if (sort.length === 0 || sort.length > index.paths.length - from) return null
  let same = true
  let reverse = true
  sort.forEach(([path, dir], i) => {
    if (index.paths[from + i] !== path) same = reverse = false
    else if (index.dirs[from + i] === dir) reverse = false
    else same = false
  })
  return same ? 'same' : reverse ? 'reverse' : null
}

function indexPlan(state: CollectionState, filter: Filter, sort: SortSpec): Plan | null {
  const eq = equalities(filter)
  let best: { plan: Plan; score: number } | null = null
  for (const index of state.indexes) {
    let k = 0
    while (k < index.paths.length && eq.has(index.paths[k])) k++
    const coverage = sortCoverage(index, k, sort)
    if (k === 0 && !coverage) continue
    const score = k * 2 + (coverage ? 1 : 0)
    if (best && best.score >= score) continue
    const prefix = index.paths.slice(0, k).map((p) => eq.get(p))
    const ordered = sort.length === 0 || coverage !== null
    best = {
      plan: { kind: 'index', index, prefix, ordered, reverse: coverage === 'reverse' },
      score,
    }
  }
  return best?.plan ?? null
}

export function plan(state: CollectionState, filter: Filter, opts: FindOptions = {}): Plan {
  const ids = idList(filter)
  if (ids) return { kind: 'id', ids }
  // A transaction's pending writes are not in the indexes: read its view by scanning.
  if (opts.overlay && opts.overlay.size > 0) return { kind: 'scan' }
  return indexPlan(state, filter, opts.sort ?? []) ?? { kind: 'scan' }
}

function* viewOf(state: CollectionState, overlay: Overlay | undefined): Iterable<Doc> {
  if (!overlay || overlay.size === 0) return yield* state.docs.values()
  for (const doc of state.docs.values()) {
    const pending = overlay.has(doc._id) ? overlay.get(doc._id) : doc
    if (pending) yield pending
  }
  for (const [id, doc] of overlay) if (doc && !state.docs.has(id)) yield doc
}

function lookup(state: CollectionState, id: string, overlay?: Overlay): Doc | undefined {
  if (overlay?.has(id)) return overlay.get(id) ?? undefined
  return state.docs.get(id)
}

function* indexRange(state: CollectionState, p: Extract<Plan, { kind: 'index' }>): Iterable<Doc> {
  const [start, end] = p.index.range(p.prefix)
  const seen = p.index.multikey ? new Set<string>() : null
  for (let n = 0; n < end - start; n++) {
    const { id } = p.index.at(p.reverse ? end - 1 - n : start + n)
    if (seen) {
      if (seen.has(id)) continue
      seen.add(id)
    }
    const doc = state.docs.get(id)
    if (doc) yield doc
  }
}

function* candidates(state: CollectionState, p: Plan, overlay?: Overlay): Iterable<Doc> {
  if (p.kind === 'id') {
    for (const id of new Set(p.ids)) {
      const doc = lookup(state, id, overlay)
      if (doc) yield doc
    }
  } else if (p.kind === 'index') {
    yield* indexRange(state, p)
  } else {
    yield* viewOf(state, overlay)
  }
}

export function compileFilter(filter: Filter): ((doc: Doc) => boolean) | null {
  if (Object.keys(filter).length === 0) return null
  const invalid = (err: unknown) =>
    new CloudError('DATABASE_INVALID_OPERRATOR', (err as Error).message)
  let query: Query
  try {
    query = new Query(filter, MINGO_OPTIONS)
  } catch (err) {
    throw invalid(err)
  }
  // Some malformed operands only fail when a document is tested ({$in: 'x'}): the same error.
  return (doc) => {
    try {
      return query.test(doc)
    } catch (err) {
      throw invalid(err)
    }
  }
}

function sortDocs(docs: Doc[], sort: SortSpec): Doc[] {
  // Decorate once: computing keys inside the comparator would redo path walks n·log n times.
  const decorated = docs.map((doc) => ({ doc, keys: sort.map(([p, d]) => sortKeyOf(doc, p, d)) }))
  decorated.sort((a, b) => {
    for (let i = 0; i < sort.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i])
      if (c !== 0) return c * sort[i][1]
    }
    return 0
  })
  return decorated.map((d) => d.doc)
}

/** Matching documents (live objects: never mutate them), sorted, skipped and limited. */
export function find(state: CollectionState, filter: Filter, opts: FindOptions = {}): Doc[] {
  const sort = opts.sort ?? []
  const skip = Math.max(0, opts.skip ?? 0)
  const limit = opts.limit ?? Infinity
  const p = plan(state, filter, opts)
  const matches = compileFilter(filter)
  const streamed = sort.length === 0 || (p.kind === 'index' && p.ordered)
  const out: Doc[] = []
  let skipped = 0
  for (const doc of candidates(state, p, opts.overlay)) {
    if (matches && !matches(doc)) continue
    if (streamed && skipped < skip) {
      skipped++
      continue
    }
    out.push(doc)
    if (streamed && out.length >= limit) break
  }
  if (streamed) return out
  return sortDocs(out, sort).slice(skip, skip + limit)
}

export function count(state: CollectionState, filter: Filter, overlay?: Overlay): number {
  const p = plan(state, filter, { overlay })
  const matches = compileFilter(filter)
  let n = 0
  for (const doc of candidates(state, p, overlay)) if (!matches || matches(doc)) n++
  return n
}
