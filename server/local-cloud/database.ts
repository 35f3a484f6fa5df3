import { randomBytes } from 'node:crypto'
import { Aggregator, update as applyOperators } from 'mingo'
import { decode, encodeDoc, type ServerNow } from './ejson'
import { count, equalities, find, MINGO_OPTIONS, type Filter, type Overlay } from './engine'
import { CloudError, invalidParam } from './errors'
import type { Faults } from './faults'
import type { CollectionState, Store, Write } from './store'
import type { Transaction, Transactions } from './transactions'
import { isPlainObject, type Doc, type SortSpec } from './values'

/** The `database.*` actions of the cloud API (cloud-protocol.md §3-§5). */
export interface DatabaseDeps {
  store: Store
  transactions: Transactions
  now: ServerNow
  /** Test-only fault injection (faults.ts); absent, nothing is injected. */
  faults?: Faults
}

type Params = Record<string, unknown>
type Reply = Record<string, unknown>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

export function newId(): string {
  return randomBytes(16).toString('hex')
}

function collectionOf(deps: DatabaseDeps, params: Params): CollectionState {
  if (typeof params.collectionName !== 'string') throw invalidParam('collectionName is required')
  return deps.store.collection(params.collectionName)
}

function txOf(deps: DatabaseDeps, params: Params): Transaction | undefined {
  return params.transactionId ? deps.transactions.get(params.transactionId) : undefined
}

function filterOf(params: Params, now: ServerNow): Filter {
  if (params.query === undefined || params.query === '') return {}
  const filter = decode(params.query, now)
  if (!isPlainObject(filter)) throw invalidParam('query must be an object')
  return filter
}

function sortOf(params: Params, now: ServerNow): SortSpec {
  if (params.order === undefined) return []
  const order = decode(params.order, now)
  // Older SDKs sent [{field, direction}]; 4.0.2 sends {field: ±1} in call order.
  if (Array.isArray(order)) {
    return order.map((o: { field: string; direction: string }) => [
      o.field,
      o.direction === 'desc' ? -1 : 1,
    ])
  }
  if (!isPlainObject(order)) throw invalidParam('order must be an object')
  return Object.entries(order).map(([field, dir]) => [field, Number(dir) < 0 ? -1 : 1])
}

function limitOf(params: Params): number {
  const limit = Number(params.limit)
  if (!Number.isFinite(limit) || limit <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(limit), MAX_LIMIT)
}

function project(docs: Doc[], projection: unknown): unknown[] {
  if (!isPlainObject(projection) || Object.keys(projection).length === 0) return docs
  try {
    return new Aggregator([{ $project: projection }], MINGO_OPTIONS).run(docs)
  } catch (err) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', (err as Error).message)
  }
}

/** Documents a statement works on: the DOC form targets one document by `_id`. */
function targets(deps: DatabaseDeps, state: CollectionState, params: Params, tx?: Transaction) {
  const filter = filterOf(params, deps.now)
  const single = params.queryType === 'DOC' || params.multi === false
  const overlay: Overlay | undefined = tx?.overlay(state.name)
  const docs = find(state, filter, { limit: single ? 1 : undefined, overlay })
  return { filter, docs }
}

function getDocument(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const tx = txOf(deps, params)
  // WeChat's transactions read single documents only (Transaction.collection: add and doc).
  if (tx && params.queryType !== 'DOC') {
    throw invalidParam('a transaction can only read one document by _id (doc(id).get())')
  }
  const filter = filterOf(params, deps.now)
  const docs = find(state, filter, {
    sort: sortOf(params, deps.now),
    skip: Number(params.offset) || 0,
    limit: params.queryType === 'DOC' ? 1 : limitOf(params),
    overlay: tx?.overlay(state.name),
  })
  for (const doc of docs) tx?.read(state.name, doc._id)
  // A transaction that saw a document missing must conflict if someone inserts it meanwhile.
  if (tx && docs.length === 0 && typeof filter._id === 'string') tx.read(state.name, filter._id)
  const projection = params.projection ? decode(params.projection, deps.now) : undefined
  return { data: { list: project(docs, projection).map(encodeDoc) } }
}

function calculateDocument(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const tx = txOf(deps, params)
  return { data: { total: count(state, filterOf(params, deps.now), tx?.overlay(state.name)) } }
}

function documentsToInsert(params: Params, now: ServerNow): Doc[] {
  const raw = Array.isArray(params.data) ? params.data : [params.data]
  return raw.map((text) => {
    const doc = decode(text, now)
    if (!isPlainObject(doc)) throw invalidParam('data must be an object')
    if (doc._id === undefined) return { _id: newId(), ...doc }
    if (typeof doc._id !== 'string' || doc._id === '') throw invalidParam('_id must be a string')
    return doc as Doc
  })
}

function exists(state: CollectionState, id: string, tx?: Transaction): boolean {
  const pending = tx?.overlay(state.name)
  return pending?.has(id) ? pending.get(id) != null : state.docs.has(id)
}

function duplicateId(state: CollectionState, id: string): CloudError {
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${state.name} index: _id_ dup key: { _id: "${id}" }`,
  )
}

function insertDocument(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const tx = txOf(deps, params)
  const docs = documentsToInsert(params, deps.now)
  const seen = new Set<string>()
  for (const doc of docs) {
    if (seen.has(doc._id) || exists(state, doc._id, tx)) throw duplicateId(state, doc._id)
    seen.add(doc._id)
  }
  commit(
    deps,
    tx,
    docs.map((doc) => ({ collection: state.name, id: doc._id, doc })),
  )
  return { data: { insertedIds: docs.map((d) => d._id) } }
}

function commit(deps: DatabaseDeps, tx: Transaction | undefined, writes: Write[]): void {
  if (!tx) return deps.store.apply(writes)
  for (const w of writes) tx.write(w.collection, w.id, w.doc)
}

function hasOperators(data: Record<string, unknown>): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'))
}

/** The document after the statement, or null when the update changes nothing. */
function updated(doc: Doc, data: Record<string, unknown>, merge: boolean): Doc | null {
  if (!merge) return { ...structuredClone(data), _id: doc._id }
  const next = structuredClone(doc)
  const operators = hasOperators(data) ? data : { $set: data }
  let changed: string[]
  try {
    changed = applyOperators(next, operators, [], undefined, { queryOptions: MINGO_OPTIONS })
  } catch (err) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', (err as Error).message)
  }
  if (next._id !== doc._id) throw invalidParam('_id cannot be changed')
  return changed.length ? next : null
}

/** A new document for an upsert: the filter's equalities, then the statement applied. */
function upserted(filter: Filter, data: Record<string, unknown>, merge: boolean): Doc {
  const base: Record<string, unknown> = {}
  for (const [field, value] of equalities(filter)) if (!field.includes('.')) base[field] = value
  const id = typeof base._id === 'string' ? base._id : newId()
  const seed = { ...base, _id: id } as Doc
  return updated(seed, data, merge) ?? seed
}

function modifyDocument(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const tx = txOf(deps, params)
  const data = decode(params.data, deps.now)
  if (!isPlainObject(data)) throw invalidParam('data must be an object')
  const merge = params.merge !== false
  const { filter, docs } = targets(deps, state, params, tx)
  if (docs.length === 0 && params.upsert === true) {
    const doc = upserted(filter, data, merge)
    commit(deps, tx, [{ collection: state.name, id: doc._id, doc }])
    return { data: { updated: 0, upsert_id: doc._id } }
  }
  const writes: Write[] = []
  for (const doc of docs) {
    tx?.read(state.name, doc._id)
    const next = updated(doc, data, merge)
    // set() on an existing document counts as an update even when nothing differs.
    if (next || !merge) writes.push({ collection: state.name, id: doc._id, doc: next ?? doc })
  }
  commit(deps, tx, writes)
  return { data: { updated: writes.length } }
}

function removeDocument(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const tx = txOf(deps, params)
  const { docs } = targets(deps, state, params, tx)
  commit(
    deps,
    tx,
    docs.map((d) => ({ collection: state.name, id: d._id, doc: null })),
  )
  return { data: { deleted: docs.length } }
}

function addCollection(deps: DatabaseDeps, params: Params): Reply {
  const name = params.collectionName
  if (typeof name !== 'string') throw invalidParam('collectionName is required')
  if (!deps.store.createCollection(name)) {
    throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`)
  }
  return { data: {} }
}

function pipelineOf(params: Params, now: ServerNow): Record<string, unknown>[] {
  if (!Array.isArray(params.stages)) throw invalidParam('stages must be an array')
  return params.stages.map((s: { stageKey?: unknown; stageValue?: unknown }) => {
    if (typeof s?.stageKey !== 'string') throw invalidParam('stageKey is required')
    return { [s.stageKey]: decode(s.stageValue, now) }
  })
}

function aggregateDocuments(deps: DatabaseDeps, params: Params): Reply {
  const state = collectionOf(deps, params)
  const pipeline = pipelineOf(params, deps.now)
  // A leading $match goes through the planner (indexes); the rest runs in mingo.
  const first = pipeline[0]
  const source =
    first && isPlainObject(first.$match) ? find(state, first.$match) : [...state.docs.values()]
  const rest = first && isPlainObject(first.$match) ? pipeline.slice(1) : pipeline
  const resolver = (name: string) =>
    deps.store.has(name) ? structuredClone([...deps.store.collection(name).docs.values()]) : []
  try {
    const out = new Aggregator(rest, { ...MINGO_OPTIONS, collectionResolver: resolver }).run(
      structuredClone(source),
    )
    return { data: { list: out.map(encodeDoc) } }
  } catch (err) {
    throw new CloudError('DATABASE_REQUEST_FAILED', (err as Error).message)
  }
}

const ACTIONS: Record<string, (deps: DatabaseDeps, params: Params) => Reply> = {
  getDocument,
  calculateDocument,
  insertDocument,
  modifyDocument,
  removeDocument,
  addCollection,
  aggregateDocuments,
  startTransaction: (deps) => ({ transactionId: deps.transactions.start() }),
  commitTransaction: (deps, params) => (deps.transactions.commit(params.transactionId), {}),
  abortTransaction: (deps, params) => (deps.transactions.abort(params.transactionId), {}),
}

export function handleDatabase(deps: DatabaseDeps, action: string, params: Params): Reply {
  const run = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : undefined
  if (!run) throw invalidParam(`unsupported action database.${action}`)
  deps.faults?.check(action, Boolean(params.transactionId))
  return run(deps, params)
}
