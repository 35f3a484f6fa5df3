/**
 * Writes through the real wx-server-sdk: update operators, set() (replace / upsert), multi-document
 * update and remove, and the counts the SDK reports.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { connectSdk, rejection, result, SDK_ENV } from './sdk'

type Db = ReturnType<ReturnType<typeof connectSdk>['database']>
type Row = { _id: string } & Record<string, unknown>

let cloud: TestCloud
let db: Db
let seq = 0

const coll = () => db.collection('todos')

async function read(id: string): Promise<Row> {
  return (await result<{ data: Row }>(coll().doc(id).get())).data
}

/** A fresh document, then the update, then the document as stored. */
async function afterUpdate(start: Record<string, unknown>, data: Record<string, unknown>) {
  const _id = `u${++seq}`
  await result(coll().add({ data: { _id, ...start } }))
  const res = await result<{ stats: { updated: number } }>(coll().doc(_id).update({ data }))
  const { _id: _ignored, ...doc } = await read(_id)
  return { updated: res.stats.updated, doc }
}

beforeAll(async () => {
  cloud = await startCloud({ seed: false, env: SDK_ENV })
  db = connectSdk(cloud.url).database()
}, 60_000)
afterAll(() => cloud?.stop())

describe('update operators', () => {
  const _ = () => db.command
  it.each<
    [string, Record<string, unknown>, () => Record<string, unknown>, Record<string, unknown>]
  >([
    ['plain values set fields', { a: 1, b: 2 }, () => ({ a: 5 }), { a: 5, b: 2 }],
    [
      'nested objects merge into the document',
      { o: { x: 1, y: 2 } },
      () => ({ o: { y: 3 } }),
      { o: { x: 1, y: 3 } },
    ],
    [
      'set replaces a whole field',
      { o: { x: 1, y: 2 } },
      () => ({ o: _().set({ z: 1 }) }),
      { o: { z: 1 } },
    ],
    ['inc', { n: 1 }, () => ({ n: _().inc(2) }), { n: 3 }],
    ['inc creates a missing field', {}, () => ({ n: _().inc(1) }), { n: 1 }],
    ['mul', { n: 3 }, () => ({ n: _().mul(2) }), { n: 6 }],
    ['max', { n: 3 }, () => ({ n: _().max(7) }), { n: 7 }],
    ['min', { n: 3 }, () => ({ n: _().min(1) }), { n: 1 }],
    ['remove', { a: 1, b: 2 }, () => ({ b: _().remove() }), { a: 1 }],
    ['rename', { a: 1 }, () => ({ a: _().rename('z') }), { z: 1 }],
    ['push one', { l: [1] }, () => ({ l: _().push(2) }), { l: [1, 2] }],
    ['push many', { l: [1] }, () => ({ l: _().push([2, 3]) }), { l: [1, 2, 3] }],
    [
      'push with position, sort and slice',
      { l: [5, 1] },
      () => ({ l: _().push({ each: [3, 9], sort: 1, slice: 3 }) }),
      { l: [1, 3, 5] },
    ],
    ['unshift', { l: [2] }, () => ({ l: _().unshift([0, 1]) }), { l: [0, 1, 2] }],
    ['pop', { l: [1, 2, 3] }, () => ({ l: _().pop() }), { l: [1, 2] }],
    ['shift', { l: [1, 2, 3] }, () => ({ l: _().shift() }), { l: [2, 3] }],
    ['pull a value', { l: [1, 2, 1, 3] }, () => ({ l: _().pull(1) }), { l: [2, 3] }],
    ['pull with in', { l: [1, 2, 3] }, () => ({ l: _().pull(_().in([1, 3])) }), { l: [2] }],
    ['pullAll', { l: [1, 2, 3] }, () => ({ l: _().pullAll([1, 2]) }), { l: [3] }],
    ['addToSet a new value', { l: ['a'] }, () => ({ l: _().addToSet('b') }), { l: ['a', 'b'] }],
    [
      'addToSet each',
      { l: ['a'] },
      () => ({ l: _().addToSet({ $each: ['a', 'c'] }) }),
      { l: ['a', 'c'] },
    ],
    [
      'dot path into an array element',
      { l: [{ v: 1 }, { v: 2 }] },
      () => ({ 'l.1.v': 9 }),
      { l: [{ v: 1 }, { v: 9 }] },
    ],
  ])('%s', async (_name, start, data, expected) => {
    const { updated, doc } = await afterUpdate(start, data())
    expect(doc).toEqual(expected)
    expect(updated).toBe(1)
  })

  it('reports updated: 0 when nothing changes or nothing matches', async () => {
    expect((await afterUpdate({ a: 1 }, { a: 1 })).updated).toBe(0)
    const same = await afterUpdate({ l: ['a'] }, { l: db.command.addToSet('a') })
    expect(same).toEqual({ updated: 0, doc: { l: ['a'] } })
    const none = await result<{ stats: { updated: number } }>(
      coll()
        .doc('missing')
        .update({ data: { a: 1 } }),
    )
    expect(none.stats.updated).toBe(0)
  })

  it('refuses to change _id', async () => {
    await rejection(
      coll()
        .doc('x')
        .update({ data: { _id: 'y' } }),
    )
  })
})

describe('set()', () => {
  it('creates a missing document (upsert) and replaces an existing one', async () => {
    const created = await result<Record<string, unknown>>(
      coll()
        .doc('s1')
        .set({ data: { a: 1, b: { c: 2 } } }),
    )
    expect(created).toMatchObject({ _id: 's1', stats: { updated: 0, created: 1 } })
    const replaced = await result<Record<string, unknown>>(
      coll()
        .doc('s1')
        .set({ data: { z: 9 } }),
    )
    expect(replaced).toMatchObject({ stats: { updated: 1, created: 0 } })
    expect(await read('s1')).toEqual({ _id: 's1', z: 9 })
  })
})

describe('multi-document statements', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({
      _id: `m${i}`,
      group: i % 2 ? 'odd' : 'even',
      n: i,
    }))
    await result(db.collection('notices').add({ data: docs }))
  })

  it('where().update() changes every match and counts them', async () => {
    const res = await result<{ stats: { updated: number } }>(
      db
        .collection('notices')
        .where({ group: 'odd' })
        .update({ data: { flag: true } }),
    )
    expect(res.stats.updated).toBe(3)
    const flagged = await cloud.collection<Row>('notices', { flag: true })
    expect(flagged.map((d) => d._id).sort()).toEqual(['m1', 'm3', 'm5'])
  })

  it('where().update() with a condition on a version field is a compare-and-set', async () => {
    await result(coll().add({ data: { _id: 'cas', version: 1 } }))
    const cas = (v: number) =>
      result<{ stats: { updated: number } }>(
        coll()
          .where({ _id: 'cas', version: v })
          .update({ data: { version: db.command.inc(1) } }),
      )
    expect((await cas(1)).stats.updated).toBe(1)
    expect((await cas(1)).stats.updated).toBe(0)
    expect((await read('cas')).version).toBe(2)
  })

  it('where().remove() removes every match; doc().remove() one', async () => {
    const res = await result<{ stats: { removed: number } }>(
      db.collection('notices').where({ group: 'even' }).remove(),
    )
    expect(res.stats.removed).toBe(3)
    const one = await result<{ stats: { removed: number } }>(
      db.collection('notices').doc('m1').remove(),
    )
    expect(one.stats.removed).toBe(1)
    const left = await cloud.collection<Row>('notices')
    expect(left.map((d) => d._id).sort()).toEqual(['m3', 'm5'])
  })
})
