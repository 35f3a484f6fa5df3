/**
 * 观看宣传培训 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium, as the demo handler 李晓华. The list shows the seeded progress (one course finished,
 * one at 40 %, one not started); the not-started course plays for a few seconds, its progress is
 * saved as it plays and survives a reload (the video resumes there); dragging the video far ahead
 * is refused: the player comes back, says so, and the server's count does not jump.
 */
import type { PlayInfo } from '../../types/training'
import { expectOk, type Reply } from '../functions/helpers'
import { screenshotPath } from '../support/browser'
import { until } from '../support/until'
import { useApp } from '../support/app'

const ME = 'demo-handler'
const NO_SKIP = '请完整观看，不能快进'

const app = useApp()
const { openAs, shown, visible } = app

const card = (courseId: string) =>
  app.page.locator(`[data-testid="course-card"][data-course-id="${courseId}"]:visible`)
const toast = (text: string) => app.page.locator('.taro__toast p:visible', { hasText: text })
const video = () => app.page.locator('.taro_page_show #course-video video')

/** What the server holds for the demo handler (POST /api/functions/training, action play). */
async function serverProgress(courseId: string): Promise<PlayInfo['progress']> {
  const reply = (await app.cloud.call('training', { action: 'play', courseId }, ME)) as Reply
  const info = expectOk(reply) as PlayInfo
  return info.progress
}

const currentTime = () => video().evaluate((v: HTMLVideoElement) => v.currentTime)
const paused = () => video().evaluate((v: HTMLVideoElement) => v.paused)

/** The player's video, loaded far enough to know its length. */
async function loaded(): Promise<void> {
  await video().waitFor({ state: 'attached' })
  await until(
    () => video().evaluate((v: HTMLVideoElement) => v.readyState >= 1 && v.duration > 0),
    'the video to load',
  )
}

async function play(): Promise<void> {
  await app.page.locator('.taro_page_show .taro-video-cover-play-button').click()
  await until(async () => !(await paused()), 'the video to play')
}

test('宣传培训课程 shows each course with the caller’s progress', async () => {
  await openAs(ME, '/pages/training/index')
  await shown(visible('courses'))

  const progress = async (id: string) =>
    card(id).locator('[data-testid="course-progress"]').innerText()
  await expect(progress('c-regulation')).resolves.toBe('已完成')
  await expect(progress('c-fire')).resolves.toBe('40%')
  await expect(progress('c-flood')).resolves.toBe('未开始')
  await expect(card('c-flood').getAttribute('data-state')).resolves.toBe('notStarted')

  const texts = await card('c-fire').innerText()
  expect(texts).toContain('物业服务区域消防安全管理实务')
  expect(texts).toContain('必修')
  expect(texts).toContain('时长 40秒')
  expect(texts).toContain('发布单位：深圳市消防救援支队')
  expect(texts).toMatch(/截止日期：\d{4}-\d{2}-\d{2}/)
  const flood = await card('c-flood').innerText()
  expect(flood).toContain('选修')
  expect(flood).not.toContain('截止日期')
  // Covers come from storage.
  await until(
    () =>
      card('c-fire')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    'the cover',
  )
  await app.page.screenshot({ path: screenshotPath('training-list.png') })
}, 30_000)

test('progress is saved as the video plays and survives a reload', async () => {
  await openAs(ME, '/pages/training/index')
  await shown(visible('courses'))
  await card('c-flood').click()
  await app.page.waitForURL(/#\/pages\/training\/play\/index\?courseId=c-flood$/)
  await shown(visible('player'))
  await expect(visible('player-state').innerText()).resolves.toBe('未开始')
  await loaded()
  expect(await currentTime()).toBe(0)

  await play()
  // Reported on play, then every 5 s while playing: the server has seen at least 5 s.
  await until(async () => (await serverProgress('c-flood')).lastPosition >= 5, 'a report', 15_000)
  // The bar follows the server's answers.
  await until(
    async () => /^已观看 (1\d|[2-9]\d)%$/.test(await visible('player-state').innerText()),
    'the bar to move',
  )
  await app.page.screenshot({ path: screenshotPath('training-play.png') })

  await app.page.reload()
  await shown(visible('player'))
  await loaded()
  const saved = await serverProgress('c-flood')
  expect(saved.maxWatched).toBeGreaterThanOrEqual(5)
  expect(saved.completedAt).toBeUndefined()
  // Resumes where the server says the person left off.
  await until(
    async () => Math.abs((await currentTime()) - saved.lastPosition) < 0.5,
    `the video to resume at ${saved.lastPosition}s`,
  )
  expect(await paused()).toBe(true)

  // And the list shows it.
  await app.page.goBack()
  await shown(visible('courses'))
  await until(
    async () =>
      /^\d+%$/.test(await card('c-flood').locator('[data-testid="course-progress"]').innerText()),
    'c-flood in progress on the list',
  )
}, 60_000)

test('skipping ahead is refused: the player comes back, says so, and the server does not jump', async () => {
  await openAs(ME, '/pages/training/play/index?courseId=c-flood')
  await shown(visible('player'))
  await loaded()
  await play()
  const before = await serverProgress('c-flood')
  const started = Date.now()

  // Drag to 45 s of 50.
  await video().evaluate((v: HTMLVideoElement) => {
    v.currentTime = 45
  })
  await toast(NO_SKIP).waitFor()
  await until(async () => (await currentTime()) < before.maxWatched + 5, 'the player to come back')

  // The player reports on pause; the server's mark moved only by the time that passed.
  // Reports in flight are counted from the page's requests; after the pause event has run, the
  // mark is read once every report the page sent (if any) has been answered.
  let pending = 0
  const isReport = (r: { url(): string; postData(): string | null }) =>
    r.url().includes('/api/functions/training') && (r.postData() ?? '').includes('"report"')
  const sent = (r: Parameters<typeof isReport>[0]) => isReport(r) && pending++
  const done = (r: Parameters<typeof isReport>[0]) => isReport(r) && pending--
  app.page.on('request', sent)
  app.page.on('requestfinished', done)
  app.page.on('requestfailed', done)
  await video().evaluate(
    (v: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        v.addEventListener('pause', () => setTimeout(resolve, 0), { once: true })
        v.pause()
      }),
  )
  const elapsed = (Date.now() - started) / 1000
  await until(async () => pending === 0, 'the pause report to be answered')
  app.page.off('request', sent)
  app.page.off('requestfinished', done)
  app.page.off('requestfailed', done)
  const after = await serverProgress('c-flood')
  expect(after.completedAt).toBeUndefined()
  expect(after.maxWatched).toBeLessThan(45)
  expect(after.maxWatched).toBeLessThanOrEqual(before.maxWatched + elapsed + 4)
  expect(await visible('player-state').innerText()).toMatch(/^(已观看 \d+%|未开始)$/)
}, 40_000)
