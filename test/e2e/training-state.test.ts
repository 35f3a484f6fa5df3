/**
 * 观看宣传培训: one rule for a course's state, on the list and in the player — a course only
 * opened (its first report at 0 s, as the player sends on play) is 未开始, never a blue 0 %. And
 * the demo covers look like covers: nothing blank in the middle under the play button.
 */
import { expectOk, type Reply } from '../functions/helpers'
import { useApp } from '../support/app'

const ME = 'demo-handler'

const app = useApp()
const { visible } = app

const card = (courseId: string) =>
  app.page.locator(`[data-testid="course-card"][data-course-id="${courseId}"]:visible`)

test('a course only opened is 未开始 on the list and in the player', async () => {
  expectOk(
    (await app.cloud.call(
      'training',
      { action: 'report', courseId: 'c-flood', position: 0 },
      ME,
    )) as Reply,
  )
  await app.openAs(ME, '/pages/training/index')
  await app.shown(visible('courses'))
  const flood = card('c-flood')
  await expect(flood.locator('[data-testid="course-progress"]').innerText()).resolves.toBe('未开始')
  await expect(flood.getAttribute('data-state')).resolves.toBe('notStarted')
  // One started course for contrast: its percentage.
  await expect(card('c-fire').locator('[data-testid="course-progress"]').innerText()).resolves.toBe(
    '40%',
  )

  await app.openAs(ME, '/pages/training/play/index?courseId=c-flood')
  await app.shown(visible('player'))
  await expect(visible('player-state').innerText()).resolves.toBe('未开始')
})

test('the demo covers have no blank square in the middle', async () => {
  await app.openAs(ME, '/pages/training/index')
  await app.shown(visible('courses'))
  for (const id of ['c-regulation', 'c-fire', 'c-flood']) {
    const img = card(id).locator('img')
    await img.waitFor()
    // The share of near-white pixels in the middle tenth of the cover (the demo's placeholder
    // was a white square there, under the play button).
    const white = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode()
      const c = document.createElement('canvas')
      c.width = el.naturalWidth
      c.height = el.naturalHeight
      const g = c.getContext('2d')!
      g.drawImage(el, 0, 0)
      const w = Math.round(c.width * 0.1)
      const h = Math.round(c.height * 0.1)
      const { data } = g.getImageData(Math.round(c.width * 0.45), Math.round(c.height * 0.45), w, h)
      let n = 0
      for (let i = 0; i < data.length; i += 4)
        if (data[i] > 230 && data[i + 1] > 230 && data[i + 2] > 230) n++
      return n / (w * h)
    })
    expect(white).toBeLessThan(0.05)
  }
})
