/**
 * Reads through the real wx-server-sdk against the local cloud: every query operator the project
 * uses, ordering and paging with the cloud's limits, count, projection, aggregation and errors.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { connectSdk, rejection, result, SDK_ENV } from './sdk'

type Db = ReturnType<ReturnType<typeof connectSdk>['database']>
type Row = { _id: string } & Record<string, unknown>

let cloud: TestCloud
let db: Db

const TODOS: Row[] = [
  {
    _id: 't1',
    projectId: 'p1',
    status: 'open',
    n: 1,
    tags: ['a', 'b'],
    owner: { id: 'u1', name: '张三' },
    title: '修理电梯',
    createdAt: 1000,
    items: [
      { k: 'x', v: 1 },
      { k: 'y', v: 5 },
    ],
  },
  {
    _id: 't2',
    projectId: 'p1',
    status: 'done',
    n: 5,
    tags: ['b'],
    owner: { id: 'u2', name: '李四' },
    title: '检查消防',
    createdAt: 2000,
    items: [{ k: 'x', v: 9 }],
  },
  {
    _id: 't3',
    projectId: 'p2',
    status: 'open',
    n: 10,
    tags: [],
    owner: { id: 'u1', name: '张三' },
    title: '电梯年检',
    createdAt: 3000,
  },
  { _id: 't4', projectId: 'p2', status: 'open', n: -2, title: 'Elevator', createdAt: 4000 },
  {
    _id: 't5',
    projectId: 'p1',
    status: 'open',
    n: 5,
    title: '二次供水',
    createdAt: 5000,
    note: null,
  },
]

async function ids(query: { get(): unknown }): Promise<string[]> {
  const { data } = await result<{ data: Row[] }>(query.get())
  return data.map((d) => d._id)
}

const todos = () => db.collection('todos')

beforeAll(async () => {
  cloud = await startCloud({ seed: false, env: SDK_ENV })
  db = connectSdk(cloud.url).database()
  await result(todos().add({ data: TODOS }))
}, 60_000)
afterAll(() => cloud?.stop())

describe('query operators', () => {
  const _ = () => db.command
  it.each<[string, () => object, string[]]>([
    ['plain equality on two fields', () => ({ projectId: 'p1', status: 'open' }), ['t1', 't5']],
    ['nested object → dot path', () => ({ owner: { id: 'u1' } }), ['t1', 't3']],
    ['eq', () => ({ n: _().eq(5) }), ['t2', 't5']],
    ['neq', () => ({ status: _().neq('open') }), ['t2']],
    ['gt', () => ({ n: _().gt(5) }), ['t3']],
    ['gte', () => ({ n: _().gte(5) }), ['t2', 't3', 't5']],
    ['lt', () => ({ n: _().lt(1) }), ['t4']],
    ['lte', () => ({ n: _().lte(1) }), ['t1', 't4']],
    ['in', () => ({ _id: _().in(['t2', 't4', 'zz']) }), ['t2', 't4']],
    ['nin', () => ({ projectId: _().nin(['p1']) }), ['t3', 't4']],
    ['in on an array field', () => ({ tags: _().in(['a']) }), ['t1']],
    ['equality on an array field', () => ({ tags: 'b' }), ['t1', 't2']],
    ['exists true', () => ({ tags: _().exists(true) }), ['t1', 't2', 't3']],
    ['exists false', () => ({ owner: _().exists(false) }), ['t4', 't5']],
    ['null matches null and missing', () => ({ note: null }), ['t1', 't2', 't3', 't4', 't5']],
    ['and', () => ({ n: _().gt(0).and(_().lt(10)) }), ['t1', 't2', 't5']],
    ['or (field level)', () => ({ n: _().lt(0).or(_().gt(9)) }), ['t3', 't4']],
    [
      'or (top level)',
      () => _().or([{ status: 'done' }, { projectId: 'p2', n: _().lt(0) }]),
      ['t2', 't4'],
    ],
    ['elemMatch', () => ({ items: _().elemMatch({ k: 'x', v: _().gt(5) }) }), ['t2']],
    ['size', () => ({ tags: _().size(0) }), ['t3']],
    ['all', () => ({ tags: _().all(['a', 'b']) }), ['t1']],
    ['JS RegExp', () => ({ title: /电梯/ }), ['t1', 't3']],
    [
      'db.RegExp with options',
      () => ({ title: db.RegExp({ regexp: '^elev', options: 'i' }) }),
      ['t4'],
    ],
  ])('%s', async (_name, where, expected) => {
    expect((await ids(todos().where(where()))).sort()).toEqual(expected)
  })
})

describe('ordering, paging and limits', () => {
  it('orders by several fields in call order', async () => {
    const q = todos().orderBy('n', 'desc').orderBy('createdAt', 'asc')
    expect(await ids(q)).toEqual(['t3', 't2', 't5', 't1', 't4'])
  })

  it('answers an indexed page (equality prefix + sort) in index order', async () => {
    const q = todos().where({ projectId: 'p1', status: 'open' }).orderBy('createdAt', 'desc')
    expect(await ids(q)).toEqual(['t5', 't1'])
    const asc = todos().where({ projectId: 'p2' }).orderBy('createdAt', 'asc')
    expect(await ids(asc)).toEqual(['t3', 't4'])
  })

  it('skips and limits after sorting', async () => {
    expect(await ids(todos().orderBy('createdAt', 'asc').skip(1).limit(2))).toEqual(['t2', 't3'])
  })

  it('returns 100 documents without a limit and never more than 1000', async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => ({ seq: i, projectId: 'bulk' }))
    await result(db.collection('notices').add({ data: docs }))
    const notices = () => db.collection('notices')
    expect(await ids(notices())).toHaveLength(100)
    expect(await ids(notices().limit(5000))).toHaveLength(1000)
    const tail = await result<{ data: { seq: number }[] }>(
      notices().orderBy('seq', 'asc').skip(1050).limit(100).get(),
    )
    expect(tail.data.map((d) => d.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 1050 + i))
    expect(await result(notices().count())).toMatchObject({ total: 1100 })
  })

  it('counts with and without a filter', async () => {
    expect(await result(todos().where({ status: 'open' }).count())).toMatchObject({ total: 4 })
    expect(await result(todos().count())).toMatchObject({ total: 5 })
  })
})

describe('documents', () => {
  it('gets one document by id, with a projection', async () => {
    const { data } = await result<{ data: Row }>(todos().doc('t1').field({ title: true }).get())
    expect(data).toEqual({ _id: 't1', title: '修理电梯' })
  })

  it('projects fields on a where() query', async () => {
    const { data } = await result<{ data: Row[] }>(
      todos().where({ _id: 't2' }).field({ owner: true, _id: false }).get(),
    )
    expect(data).toEqual([{ owner: { id: 'u2', name: '李四' } }])
  })

  it('throws errCode -1 for a document that does not exist', async () => {
    const err = await rejection(todos().doc('nope').get())
    expect(err.errCode).toBe(-1)
    expect(String(err.errMsg)).toContain('does not exist')
  })

  it('generates a 32-hex _id and keeps a given one', async () => {
    const { _id } = await result<{ _id: string }>(todos().add({ data: { title: 'x' } }))
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const given = await result<{ _id: string }>(todos().add({ data: { _id: 'mine', t: 1 } }))
    expect(given._id).toBe('mine')
    const again = await rejection(todos().add({ data: { _id: 'mine', t: 2 } }))
    expect(again.errCode).toBe(-502001)
    await result(
      todos()
        .where({ _id: _in([_id, 'mine']) })
        .remove(),
    )
  })

  it('keeps Dates and replaces serverDate by the cloud clock (with its offset)', async () => {
    const when = new Date('2024-05-01T08:00:00.000Z')
    const { _id } = await result<{ _id: string }>(
      db.collection('audit_log').add({ data: { when, at: db.serverDate() } }),
    )
    const { data } = await result<{ data: { when: Date; at: Date } }>(
      db.collection('audit_log').doc(_id).get(),
    )
    expect(data.when).toEqual(when)
    expect(Math.abs(data.at.getTime() - Date.now())).toBeLessThan(5000)

    await cloud.setClock(86_400_000)
    await result(
      db
        .collection('audit_log')
        .doc(_id)
        .update({ data: { at: db.serverDate() } }),
    )
    const later = await result<{ data: { at: Date } }>(db.collection('audit_log').doc(_id).get())
    expect(later.data.at.getTime() - Date.now()).toBeGreaterThan(86_400_000 - 5000)
    const past = db.collection('audit_log').where({ _id, when: db.command.lt(db.serverDate()) })
    expect(await ids(past)).toEqual([_id])
    await cloud.setClock(0)
  })
})

function _in(values: string[]) {
  return db.command.in(values)
}

describe('unique indexes (types/collections.ts)', () => {
  it('refuses a second project with the same code, on insert and on update', async () => {
    await result(db.collection('projects').add({ data: { _id: 'pa', code: 'SZ-1' } }))
    await result(db.collection('projects').add({ data: { _id: 'pb', code: 'SZ-2' } }))
    const dup = await rejection(db.collection('projects').add({ data: { code: 'SZ-1' } }))
    expect(dup.errCode).toBe(-502001)
    expect(String(dup.errMsg)).toContain('E11000')
    const upd = await rejection(
      db
        .collection('projects')
        .doc('pb')
        .update({ data: { code: 'SZ-1' } }),
    )
    expect(upd.errCode).toBe(-502001)
    const { data } = await result<{ data: Row }>(db.collection('projects').doc('pb').get())
    expect(data.code).toBe('SZ-2')
  })
})

describe('collections', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created', async () => {
    const err = await rejection(db.collection('no_such_thing').get())
    expect(err.errCode).toBe(-502005)
    const add = await rejection(db.collection('no_such_thing').add({ data: { a: 1 } }))
    expect(add.errCode).toBe(-502005)
  })

  it('creates a collection once with createCollection', async () => {
    await result(db.createCollection('scratch'))
    await result(db.collection('scratch').add({ data: { a: 1 } }))
    expect(await result(db.collection('scratch').count())).toMatchObject({ total: 1 })
    const again = await rejection(db.createCollection('scratch'))
    expect(again.errCode).toBe(-1)
  })
})

describe('aggregate', () => {
  it('runs $match, $group, $sort, $skip, $limit and $project', async () => {
    const $ = db.command.aggregate
    const { list } = await result<{ list: Row[] }>(
      todos()
        .aggregate()
        .match({ projectId: db.command.in(['p1', 'p2']) })
        .group({ _id: '$projectId', total: $.sum('$n'), cnt: $.sum(1) })
        .sort({ total: -1 })
        .skip(0)
        .limit(5)
        .project({ _id: 0, projectId: '$_id', total: 1, cnt: 1 })
        .end(),
    )
    expect(list).toEqual([
      { projectId: 'p1', total: 11, cnt: 3 },
      { projectId: 'p2', total: 8, cnt: 2 },
    ])
  })

  it('counts with $count', async () => {
    const { list } = await result<{ list: Row[] }>(
      todos().aggregate().match({ status: 'open' }).count('open').end(),
    )
    expect(list).toEqual([{ open: 4 }])
  })
})
