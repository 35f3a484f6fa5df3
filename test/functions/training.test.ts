/**
 * 观看宣传培训 through the real training function, with the local cloud's clock moved instead of
 * waiting: progress advances by at most the time that passed, skipping ahead is clamped, a pause
 * banks nothing, seeking back is free, and only the server marks a course finished (≥ 90 %),
 * recording it once for 企业人员培训结果.
 */
import { QueryContract } from '../../types/query'
import { TrainingContract } from '../../types/training'
import { clock, expectError, expectOk, caller } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { fileCloud } from './setup'

const cloud = fileCloud()
let env: Env
let tick: (ms: number) => Promise<void>
const training = caller(cloud, TrainingContract)
const report = async (openid: string, courseId: string, position: number) =>
  expectOk(await training('report', { courseId, position }, openid))

beforeAll(async () => {
  env = makeEnv(cloud, 'tr')
  tick = clock(cloud)
}, 60_000)

async function learner(): Promise<string> {
  return (await env.activeHandler(['training'])).openid
}

describe('progress the server vouches for', () => {
  it('advances by the time that passed, clamps a jump ahead, banks nothing while paused', async () => {
    const me = await learner()
    // The clock is moved, but real time passes too between calls: a mark may exceed the moved
    // time by the fraction of a second the calls took.
    const about = (mark: number, moved: number) => {
      expect(mark).toBeGreaterThanOrEqual(moved)
      expect(mark).toBeLessThan(moved + 1)
    }
    expect(await report(me, 'c-flood', 0)).toMatchObject({ maxWatched: 0, finished: false })
    await tick(5_000)
    expect((await report(me, 'c-flood', 5)).maxWatched).toBe(5)
    await tick(5_000)
    // Dragged to 40 s after 5 s of play: the mark moves 5 s (+ 2 s slack), the player seeks back.
    const dragged = await report(me, 'c-flood', 40)
    about(dragged.maxWatched, 12)
    expect(dragged.clampedTo).toBe(dragged.maxWatched)
    await tick(10 * 60_000)
    // Ten minutes paused, then a jump: at most 15 s since the last report; the slack is in use.
    const jumped = (await report(me, 'c-flood', 45)).maxWatched
    about(jumped, 27)
    await tick(3_000)
    // Seeking back to rewatch is free and lowers nothing.
    expect((await report(me, 'c-flood', 3)).maxWatched).toBe(jumped)
    const play = expectOk(await training('play', { courseId: 'c-flood' }, me))
    expect(play.progress).toMatchObject({ maxWatched: jumped, lastPosition: 3 })
    expect(play.videoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })

  it('finishes only when the server has seen 90 %, and records it once', async () => {
    const me = await learner()
    await report(me, 'c-regulation', 0)
    // 30 s course: 27 s needed; 5-second steps of real play.
    let last = { finished: false, percent: 0 }
    for (let t = 5; t <= 25; t += 5) {
      await tick(5_000)
      last = await report(me, 'c-regulation', t)
    }
    expect(last).toMatchObject({ finished: false, percent: 83 })
    let rows = expectOk(await training('list', {}, me))
    expect(
      rows.find((r: { course: { _id: string } }) => r.course._id === 'c-regulation')!.state,
    ).toBe('inProgress')
    await tick(3_000)
    expect(await report(me, 'c-regulation', 28)).toMatchObject({ finished: true })
    await tick(2_000)
    await report(me, 'c-regulation', 30)
    rows = expectOk(await training('list', {}, me))
    expect(
      rows.find((r: { course: { _id: string } }) => r.course._id === 'c-regulation'),
    ).toMatchObject({ state: 'finished', percent: 100 })
    const results = await cloud.collection<{
      name: string
      courses: { courseId: string }[]
      totalHours: number
      projectName: string
    }>('training_results', { name: '样例经办' })
    const mine = results.filter((r) => r.courses.some((c) => c.courseId === 'c-regulation'))
    expect(mine).toHaveLength(1)
    expect(mine[0].courses.filter((c) => c.courseId === 'c-regulation')).toHaveLength(1)
    expect(mine[0]).toMatchObject({ totalHours: 2, projectName: '阳光花园' })
    // 企业人员培训结果 finds it.
    const found = expectOk(
      await caller(cloud, QueryContract)('training', { name: '样例经办' }, 'demo-manager'),
    )
    expect(found.rows.length).toBeGreaterThan(0)
  })

  it('keeps each account’s progress its own', async () => {
    const [a, b] = [await learner(), await learner()]
    await report(a, 'c-fire', 0)
    await tick(5_000)
    await report(a, 'c-fire', 5)
    const other = expectOk(await training('play', { courseId: 'c-fire' }, b))
    expect(other.progress.maxWatched).toBe(0)
  })

  it('loses no progress when two players of one person report at once', async () => {
    const { openid: me, id } = await env.activeHandler(['training'])
    await report(me, 'c-fire', 0)
    await tick(10_000)
    const replies = await Promise.all(
      [2, 4, 6, 8, 10].map((p) => training('report', { courseId: 'c-fire', position: p }, me)),
    )
    const marks = replies.map((r) => expectOk(r).maxWatched as number)
    const [stored] = await cloud.collection<{ maxWatched: number; version: number }>(
      'course_progress',
      { _id: `${id}_c-fire` },
    )
    // Every report was applied on top of the one before it (none overwrote another): one version
    // each, and the stored mark is the highest any of them answered.
    expect(stored.version).toBe(1 + replies.length)
    expect(stored.maxWatched).toBe(Math.max(...marks))
    expect(stored.maxWatched).toBeGreaterThan(2)
  })

  it('gives the slack once: a stream of reports cannot run ahead of real time', async () => {
    const me = await learner()
    const started = Date.now()
    await report(me, 'c-flood', 0)
    // 23 reports as fast as they go, each claiming the end of the 50 s course.
    let last = { maxWatched: 0, finished: false }
    for (let i = 0; i < 23; i++) last = await report(me, 'c-flood', 50)
    const elapsedSec = (Date.now() - started) / 1000
    expect(last.finished).toBe(false)
    expect(last.maxWatched).toBeLessThanOrEqual(elapsedSec + 2)
    const rows = expectOk(await training('list', {}, me))
    expect(rows.find((r: { course: { _id: string } }) => r.course._id === 'c-flood')!.state).toBe(
      'inProgress',
    )
  })

  it('does not add up parallel reports of one viewer', async () => {
    const { openid: me, id } = await env.activeHandler(['training'])
    // Real time counts from before the first report: the server's own clock runs from there,
    // also while the test moves it (on a busy machine that alone can take a second).
    const started = Date.now()
    await report(me, 'c-flood', 0)
    await tick(10_000)
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        training('report', { courseId: 'c-flood', position: 50 }, me),
      ),
    )
    const elapsedSec = (Date.now() - started) / 1000
    const [stored] = await cloud.collection<{ maxWatched: number }>('course_progress', {
      _id: `${id}_c-flood`,
    })
    // 10 s of (moved) clock, the real time the burst took, and the slack once.
    expect(stored.maxWatched).toBeLessThanOrEqual(10 + elapsedSec + 2)
    for (const r of replies)
      if (r.ok) expect(r.data.maxWatched).toBeLessThanOrEqual(stored.maxWatched)
  })

  it('refuses a position that is not a number of seconds, and an unknown course', async () => {
    const me = await learner()
    for (const position of [-1, 'NaN', 1e9, { $gt: 0 }]) {
      expectError(
        await training.raw({ action: 'report', courseId: 'c-fire', position }, me),
        'BAD_INPUT',
      )
    }
    expectError(await training('report', { courseId: 'c-none', position: 1 }, me), 'NOT_FOUND')
  })
})

describe('videos', () => {
  it('are served with HTTP Range, so a player can seek', async () => {
    const play = expectOk(await training('play', { courseId: 'c-fire' }, 'demo-handler'))
    const whole = await fetch(play.videoUrl)
    const size = (await whole.arrayBuffer()).byteLength
    const part = await fetch(play.videoUrl, { headers: { range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`)
    expect((await part.arrayBuffer()).byteLength).toBe(100)
    const beyond = await fetch(play.videoUrl, { headers: { range: `bytes=${size + 10}-` } })
    expect(beyond.status).toBe(416)
  })
})
