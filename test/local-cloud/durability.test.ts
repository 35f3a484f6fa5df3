/**
 * The store survives `kill -9`: every write the SDK saw acknowledged is there after a restart, a
 * multi-document insert is all or nothing, and the SQLite file passes its integrity check. Seeding
 * happens once per data folder.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { demoData } from '../../server/seed'
import { startCloud, type TestCloud } from '../support/cloud'
import { connectSdk, result, SDK_ENV } from './sdk'
import { until } from '../support/until'

type Db = ReturnType<ReturnType<typeof connectSdk>['database']>

let cloud: TestCloud | undefined
afterEach(async () => {
  await cloud?.stop()
  cloud = undefined
})

/** Inserts batches of 3 documents until a request fails; records the batches acknowledged. */
async function insertBatches(db: Db, writer: number, acked: string[], stopped: () => boolean) {
  for (let i = 0; !stopped(); i++) {
    const batch = `w${writer}-${i}`
    const docs = [0, 1, 2].map((k) => ({ _id: `${batch}-${k}`, batch, payload: 'x'.repeat(200) }))
    try {
      await result(db.collection('audit_log').add({ data: docs }))
    } catch {
      return // the request in flight when the process died
    }
    acked.push(batch)
  }
}

/** Increments a counter until a request fails; counts the increments acknowledged. */
async function increment(db: Db, counter: { acked: number }, stopped: () => boolean) {
  while (!stopped()) {
    try {
      await result(
        db
          .collection('todos')
          .doc('counter')
          .update({ data: { n: db.command.inc(1) } }),
      )
    } catch {
      return
    }
    counter.acked++
  }
}

async function batchSizes(db: Db): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  const { total } = await result<{ total: number }>(db.collection('audit_log').count())
  for (let skip = 0; skip < total; skip += 1000) {
    const { data } = await result<{ data: { batch: string }[] }>(
      db
        .collection('audit_log')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(1000)
        .field({ batch: true })
        .get(),
    )
    for (const d of data) sizes.set(d.batch, (sizes.get(d.batch) ?? 0) + 1)
  }
  return sizes
}

it('keeps every acknowledged write through kill -9', async () => {
  cloud = await startCloud({ seed: false, env: SDK_ENV })
  const db = connectSdk(cloud.url).database()
  await result(db.collection('todos').add({ data: { _id: 'counter', n: 0 } }))

  const acked: string[] = []
  const counter = { acked: 0 }
  let killed = false
  const stopped = () => killed
  const writers = [
    ...[0, 1, 2, 3].map((w) => insertBatches(db, w, acked, stopped)),
    increment(db, counter, stopped),
    increment(db, counter, stopped),
  ]
  await until(() => acked.length >= 150 && counter.acked >= 50, 'writes', 60_000)
  await cloud.kill9()
  killed = true
  await Promise.all(writers)

  const file = new Database(join(cloud.dataDir, 'cloud.sqlite'))
  expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
  file.close()

  await cloud.restart()
  const sizes = await batchSizes(db)
  for (const batch of acked) expect([batch, sizes.get(batch)]).toEqual([batch, 3])
  // Unacknowledged batches (in flight at the kill) are whole or absent, never partial.
  for (const [batch, n] of sizes) expect([batch, n]).toEqual([batch, 3])
  const { data } = await result<{ data: { n: number } }>(
    db.collection('todos').doc('counter').get(),
  )
  expect(data.n).toBeGreaterThanOrEqual(counter.acked)
  expect(data.n).toBeLessThanOrEqual(counter.acked + 2)
}, 30_000)

it('seeds demoData once per data folder, and keeps changes and the clock across restarts', async () => {
  cloud = await startCloud({ env: SDK_ENV })
  const expected = demoData(Date.now())
  for (const [name, docs] of Object.entries(expected)) {
    expect([name, (await cloud.collection(name)).length]).toEqual([
      name,
      Math.min(docs.length, 1000),
    ])
  }
  const db = connectSdk(cloud.url).database()
  const [project] = expected.projects as { _id: string }[]
  await result(
    db
      .collection('projects')
      .doc(project._id)
      .update({ data: { name: '改过的名字' } }),
  )
  await cloud.setClock(12_345)

  await cloud.restart()
  const [after] = await cloud.collection<{ name: string }>('projects', { _id: project._id })
  expect(after.name).toBe('改过的名字')
  expect(await cloud.collection('projects')).toHaveLength(expected.projects.length)
  const clock = await fetch(new URL('/__dev/clock', cloud.url)).then((r) => r.json())
  expect(clock).toEqual({ offsetMs: 12_345 })
}, 30_000)
