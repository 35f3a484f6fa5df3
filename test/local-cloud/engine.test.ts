/**
 * The store and query planner in-process: index plans return exactly what a full mingo scan
 * returns, read only about skip+limit documents, and a failed batch leaves no trace.
 */
import { find as mingoFind } from 'mingo'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { find, plan, type Filter } from '../../server/local-cloud/engine'
import { Store, type CollectionState } from '../../server/local-cloud/store'
import type { Doc } from '../../server/local-cloud/values'

const DEFS = {
  items: [
    {
      fields: [
        ['projectId', 1],
        ['status', 1],
        ['createdAt', -1],
      ] as const,
    },
    {
      fields: [
        ['tags', 1],
        ['createdAt', 1],
      ] as const,
    },
    { fields: [['code', 1]] as const, unique: true },
  ],
}
const N = 3000

let dir: string
let store: Store

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

function makeDocs(): Doc[] {
  const r = rng(42)
  const order = Array.from({ length: N }, (_, i) => i).sort(() => r() - 0.5)
  return order.map((createdAt, i) => ({
    _id: `d${String(i).padStart(5, '0')}`,
    code: `c${i}`,
    projectId: `p${Math.floor(r() * 5)}`,
    status: ['open', 'done', 'void'][Math.floor(r() * 3)],
    createdAt,
    n: Math.floor(r() * 100),
    tags: ['a', 'b', 'c', 'd'].filter(() => r() < 0.4),
  }))
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-cloud-engine-'))
  store = new Store(dir, DEFS, { synchronous: 'NORMAL' })
  store.apply(makeDocs().map((doc) => ({ collection: 'items', id: doc._id, doc })))
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const items = (): CollectionState => store.collection('items')

function reference(filter: Filter, dir: 1 | -1, skip: number, limit: number): string[] {
  const all = [...items().docs.values()]
  return mingoFind(all, filter)
    .sort({ createdAt: dir })
    .skip(skip)
    .limit(limit)
    .all()
    .map((d) => (d as Doc)._id)
}

const CASES: [string, Filter, 1 | -1][] = [
  ['equality prefix, index order', { projectId: 'p1', status: 'open' }, -1],
  ['equality prefix, reverse order', { projectId: 'p2', status: 'done' }, 1],
  ['one leading field, sort not covered', { projectId: 'p3' }, -1],
  ['prefix + residual filter', { projectId: 'p0', status: 'open', n: { $gte: 50 } }, -1],
  ['multikey field', { tags: 'b' }, 1],
  ['multikey field, reverse', { tags: 'a', n: { $lt: 30 } }, -1],
  ['no index applies', { n: { $gt: 90 } }, -1],
  ['$and of equalities', { $and: [{ projectId: 'p4' }, { status: 'void' }] }, -1],
]

describe.each(CASES)('%s', (_name, filter, dir) => {
  it.each([
    [0, 20],
    [15, 20],
    [0, 1000],
  ])('skip %i limit %i matches a full scan', (skip, limit) => {
    const got = find(items(), filter, { sort: [['createdAt', dir]], skip, limit }).map((d) => d._id)
    expect(got).toEqual(reference(filter, dir, skip, limit))
  })
})

describe('plans', () => {
  it('answers an equality prefix + sort on the next field from the index, in order', () => {
    const p = plan(items(), { projectId: 'p1', status: 'open' }, { sort: [['createdAt', -1]] })
    expect(p).toMatchObject({ kind: 'index', ordered: true, reverse: false })
  })

  it('reads only about skip+limit documents for an indexed page', () => {
    const state = items()
    let reads = 0
    const get = state.docs.get.bind(state.docs)
    state.docs.get = (id: string) => (reads++, get(id))
    try {
      const page = find(
        state,
        { projectId: 'p1', status: 'open' },
        {
          sort: [['createdAt', -1]],
          skip: 10,
          limit: 20,
        },
      )
      expect(page).toHaveLength(20)
      expect(reads).toBe(30)
    } finally {
      state.docs.get = get
    }
  })

  it('looks documents up by _id without scanning', () => {
    expect(plan(items(), { _id: { $in: ['d00001', 'd00002'] }, n: 3 })).toEqual({
      kind: 'id',
      ids: ['d00001', 'd00002'],
    })
  })
})

describe('batches', () => {
  it('applies nothing when one write of a batch breaks a unique index', () => {
    const ok = { _id: 'new-1', code: 'fresh', projectId: 'p1', status: 'open', createdAt: -1 }
    const dup = { _id: 'new-2', code: 'c7', projectId: 'p1', status: 'open', createdAt: -2 }
    expect(() =>
      store.apply([
        { collection: 'items', id: ok._id, doc: ok },
        { collection: 'items', id: dup._id, doc: dup },
      ]),
    ).toThrow(/E11000/)
    expect(items().docs.has('new-1')).toBe(false)
    const page = find(
      items(),
      { projectId: 'p1', status: 'open' },
      { sort: [['createdAt', 1]], limit: 1 },
    )
    expect(page[0]._id).not.toBe('new-1')
  })

  it('reloads the same data and indexes from disk', () => {
    const filter = { projectId: 'p2', status: 'open' }
    const before = find(items(), filter, { sort: [['createdAt', -1]], limit: 50 }).map((d) => d._id)
    store.close()
    store = new Store(dir, DEFS)
    expect(items().docs.size).toBe(N)
    expect(
      find(items(), filter, { sort: [['createdAt', -1]], limit: 50 }).map((d) => d._id),
    ).toEqual(before)
  })
})
