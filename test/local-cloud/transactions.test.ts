/**
 * Transactions through the real SDK: commit, rollback, read-your-writes, isolation, and the
 * conflict → retry path that keeps concurrent increments from being lost.
 */
import { startCloud, type TestCloud } from '../support/cloud'
import { connectSdk, rejection, result, SDK_ENV } from './sdk'

type Db = ReturnType<ReturnType<typeof connectSdk>['database']>
type Tx = { collection(name: string): ReturnType<Db['collection']>; rollback(r?: unknown): unknown }
type Row = { _id: string } & Record<string, unknown>

let cloud: TestCloud
let db: Db

const todos = () => db.collection('todos')
const read = async (id: string) => (await result<{ data: Row }>(todos().doc(id).get())).data
/** A document of `todos` as the transaction `tx` reads and writes it. */
const txDoc = (tx: Tx, id: string) => tx.collection('todos').doc(id)
/** Another writer, outside any transaction, adds `by` to the document's `n`. */
const bumpOutside = (id: string, by: number) =>
  result(
    todos()
      .doc(id)
      .update({ data: { n: db.command.inc(by) } }),
  )
const run = <T>(cb: (tx: Tx) => Promise<T>) =>
  (db.runTransaction as unknown as (cb: (tx: Tx) => Promise<T>) => Promise<T>).call(db, cb)

beforeAll(async () => {
  cloud = await startCloud({ seed: false, env: SDK_ENV })
  db = connectSdk(cloud.url).database()
  await result(
    todos().add({
      data: [
        { _id: 'a', n: 10 },
        { _id: 'b', n: 0 },
        { _id: 'c', n: 0 },
      ],
    }),
  )
}, 60_000)
afterAll(() => cloud?.stop())

describe('runTransaction', () => {
  it('commits every write of the callback together and resolves its return value', async () => {
    const value = await run(async (tx) => {
      const { data } = await result<{ data: Row }>(txDoc(tx, 'a').get())
      await txDoc(tx, 'a').update({ data: { n: (data.n as number) - 3 } })
      await txDoc(tx, 'b').update({ data: { n: db.command.inc(3) } })
      await tx.collection('todos').add({ data: { _id: 'receipt', amount: 3 } })
      return 'moved'
    })
    expect(value).toBe('moved')
    expect((await read('a')).n).toBe(7)
    expect((await read('b')).n).toBe(3)
    expect((await read('receipt')).amount).toBe(3)
  })

  it('sees its own writes inside, and nobody sees them before commit', async () => {
    let outsideDuring: unknown
    await run(async (tx) => {
      await txDoc(tx, 'c').update({ data: { n: 42 } })
      const inside = await result<{ data: Row }>(txDoc(tx, 'c').get())
      expect(inside.data.n).toBe(42)
      outsideDuring = (await read('c')).n
    })
    expect(outsideDuring).toBe(0)
    expect((await read('c')).n).toBe(42)
  })

  it('tx.rollback() discards the writes and rejects with the reason', async () => {
    const err = await rejection(
      run(async (tx) => {
        await txDoc(tx, 'c').update({ data: { n: -1 } })
        await tx.collection('todos').add({ data: { _id: 'ghost' } })
        await tx.rollback('changed my mind')
      }),
    )
    expect(err).toBe('changed my mind')
    expect((await read('c')).n).toBe(42)
    expect(await cloud.collection('todos', { _id: 'ghost' })).toEqual([])
  })

  it('a throwing callback discards the writes and rethrows', async () => {
    const boom = new Error('boom')
    const err = await rejection(
      run(async (tx) => {
        await txDoc(tx, 'c').update({ data: { n: -2 } })
        throw boom
      }),
    )
    expect(err).toBe(boom)
    expect((await read('c')).n).toBe(42)
  })

  it('re-runs the callback when a document it read changed before commit', async () => {
    let attempts = 0
    await run(async (tx) => {
      attempts++
      const { data } = await result<{ data: Row }>(txDoc(tx, 'b').get())
      // Someone else writes between our read and our commit, on the first attempt only.
      if (attempts === 1) await bumpOutside('b', 100)
      await txDoc(tx, 'b').update({ data: { n: (data.n as number) + 1 } })
    })
    expect(attempts).toBe(2)
    expect((await read('b')).n).toBe(104)
  })

  it('loses no increment when transactions on one document overlap', async () => {
    await result(todos().add({ data: { _id: 'counter', n: 0 } }))
    let attempts = 0
    const increment = () =>
      run(async (tx) => {
        attempts++
        const { data } = await result<{ data: Row }>(txDoc(tx, 'counter').get())
        // Not synchronisation: the behaviour under test. The pause between read and write makes
        // the transactions overlap, so a lost update would show.
        await new Promise((r) => setTimeout(r, 20))
        await txDoc(tx, 'counter').update({ data: { n: (data.n as number) + 1 } })
      })
    const outcomes = await Promise.allSettled([increment(), increment(), increment(), increment()])
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length
    expect(committed).toBe(4)
    expect((await read('counter')).n).toBe(committed)
    // They did overlap: some callbacks had to run again.
    expect(attempts).toBeGreaterThan(4)
  })

  it('gives up after the SDK retries and rejects with the conflict code', async () => {
    await result(todos().add({ data: { _id: 'hot', n: 0 } }))
    let attempts = 0
    const err = await rejection(
      run(async (tx) => {
        attempts++
        await txDoc(tx, 'hot').get()
        await bumpOutside('hot', 1)
        await txDoc(tx, 'hot').update({ data: { touched: true } })
      }),
    )
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(attempts).toBe(4)
    expect((await read('hot')).touched).toBeUndefined()
  })
})

describe('startTransaction', () => {
  it('applies on commit() and conflicts when another transaction committed first', async () => {
    type Started = Tx & { commit(): Promise<unknown> }
    const start = () => (db.startTransaction as unknown as () => Promise<Started>).call(db)
    const t1 = await start()
    const t2 = await start()
    await t1.collection('todos').doc('a').get()
    await t2.collection('todos').doc('a').get()
    await t1
      .collection('todos')
      .doc('a')
      .update({ data: { by: 't1' } })
    await t2
      .collection('todos')
      .doc('a')
      .update({ data: { by: 't2' } })
    await t1.commit()
    const err = await rejection(t2.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect((await read('a')).by).toBe('t1')
  })
})
