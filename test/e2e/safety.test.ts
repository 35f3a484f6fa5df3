/**
 * 安全检查 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. The demo handler fills the unfilled fire check of 阳光花园 item by item (a problem with
 * its required note and a photo), reloads and finds every answer kept, submits; the manager opens
 * the to-do, sees the photo and returns it with a comment; the handler corrects and resubmits; the
 * manager confirms. Score, trail and to-dos follow each step.
 */
import { deflateSync } from 'node:zlib'
import type { SafetySubmission } from '../../types/safety'
import type { Todo } from '../../types/todos'
import { screenshotPath } from '../support/browser'
import { until } from '../support/until'
import { useApp } from '../support/app'

const CHECK = 'sc-fire-2026'
const SUBMISSION = `${CHECK}_p-yangguang`
const TITLE = '冬春火灾防控专项检查'
const NOTE = '消防控制室夜班仅一人值守，已调整排班并补充持证人员。'
const COMMENT = '请补充整改后的排班表照片'
const OFFLINE_NOTE = '灯具已于上周全部更换。'

const app = useApp()
const { openAs, shown, visible, answered } = app

/** A small RGB PNG, made here (no fixture file). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc32 = (buf: Buffer) => {
    let crc = 0xffffffff
    for (const b of buf) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8)
    return (crc ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3
      raw[o] = (x * 255) / width
      raw[o + 1] = (y * 255) / height
      raw[o + 2] = 160
    }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const item = (id: string) =>
  app.page.locator(`[data-testid="check-item"][data-item-id="${id}"]:visible`)
const toast = (text: string) => app.page.locator('.taro__toast p:visible', { hasText: text })

async function answer(id: string, result: 'ok' | 'problem'): Promise<void> {
  await item(id).locator(`[data-testid="choice-${result}"]`).click()
}

async function saved(id: string): Promise<void> {
  await item(id).locator('[data-testid="item-save"][data-state="saved"]').waitFor()
}

async function confirmDialog(): Promise<void> {
  await visible('confirm-ok').click()
}

async function submission(): Promise<SafetySubmission> {
  return (
    await app.cloud.collection<SafetySubmission>('safety_submissions', { _id: SUBMISSION })
  )[0]
}

async function todosOf(projectId: string, targetId: string): Promise<Todo[]> {
  return app.cloud.collection<Todo>('todos', { projectId, targetId })
}

/** The number on 待办事项 on the home page (0 without a badge), once the grid is there. */
async function homeBadge(openid: string): Promise<number> {
  await answered('todos', 'counts', () => openAs(openid, '/pages/home/index'))
  await visible('module-todos').waitFor()
  const badge = visible('badge-todos')
  return (await badge.count()) ? Number(await badge.innerText()) : 0
}

test('the handler fills the fire check with a note and a photo, reloads, and submits', async () => {
  const badgeBefore = await homeBadge('demo-handler')
  expect(badgeBefore).toBeGreaterThan(0)

  // 安全检查 from the home page: the list, then the check.
  await visible('module-safety').click()
  await app.page.waitForURL(/#\/pages\/safety\/index/)
  const card = app.page.locator(`[data-testid="check-card"][data-check-id="${CHECK}"]:visible`)
  await shown(card)
  await expect(card.innerText()).resolves.toContain('未填写')
  await expect(card.innerText()).resolves.toContain('0/7')
  await card.click()
  await app.page.waitForURL(/#\/pages\/safety\/check\/index\?checkId=sc-fire-2026/)
  await shown(visible('fill-form'))
  await expect(visible('check-title').innerText()).resolves.toBe(TITLE)
  await expect(visible('check-progress').innerText()).resolves.toContain('已填 0/7')
  expect(await app.page.locator('[data-testid="check-item"]:visible').count()).toBe(7)

  // 有问题 without a note: nothing saved for that item; the rule's message once the note is left
  // empty (not before it could be typed).
  await answer('XF-01', 'ok')
  await saved('XF-01')
  await answer('XF-02', 'problem')
  const noteError = visible('field-note-XF-02-error')
  await item('XF-02').locator('textarea').focus()
  expect(await noteError.count()).toBe(0)
  await item('XF-02').locator('textarea').blur()
  await expect(noteError.innerText()).resolves.toBe('有问题时请填写说明')
  await expect(item('XF-02').getAttribute('data-result')).resolves.toBe('problem')
  await item('XF-02').locator('textarea').fill(NOTE)
  await noteError.waitFor({ state: 'detached' })
  await saved('XF-02')

  // A photo for the problem: chosen in the file input, shrunk, uploaded, saved with the item.
  const chooser = app.page.waitForEvent('filechooser')
  await item('XF-02').locator('[data-testid="photo-add"]').click()
  await (
    await chooser
  ).setFiles({ name: 'duty.png', mimeType: 'image/png', buffer: png(1600, 1200) })
  await item('XF-02').locator('[data-testid="photo"] img').waitFor()
  await saved('XF-02')
  let sub = await submission()
  expect(sub.status).toBe('draft')
  expect(sub.answers['XF-02']).toMatchObject({ result: 'problem', note: NOTE })
  expect(sub.answers['XF-02'].photos).toHaveLength(1)
  const fileID = sub.answers['XF-02'].photos[0]
  expect(fileID).toMatch(/^cloud:\/\/.+\/safety\/p-yangguang\/sc-fire-2026\/XF-02\/\w+\.jpg$/)

  for (const id of ['XF-03', 'XF-04', 'XF-05']) {
    await answer(id, 'ok')
    await saved(id)
  }

  // The network drops: the answer and its note wait on the device, marked 保存失败.
  await app.page.route('**/api/functions/safety', (route) =>
    route.request().postDataJSON()?.action === 'saveAnswer'
      ? route.abort('internetdisconnected')
      : route.continue(),
  )
  await answer('XF-06', 'ok')
  await item('XF-06').locator('[data-testid="item-save"][data-state="failed"]').waitFor()
  await item('XF-06').locator('[data-testid="item-unfold"]').click()
  await item('XF-06').locator('textarea').fill(OFFLINE_NOTE)
  await item('XF-06').locator('[data-testid="item-save"][data-state="failed"]').waitFor()
  await expect(visible('save-status').innerText()).resolves.toBe('1项保存失败')
  await expect(visible('check-progress').innerText()).resolves.toContain('已填 6/7')
  expect((await submission()).answers['XF-06']).toBeUndefined()
  await app.page.unrouteAll()

  // Closing the page loses nothing: the draft is on the server, the unsent answer in storage
  // (sent as the page opens again).
  await app.page.reload()
  await shown(visible('fill-form'))
  await saved('XF-06')
  await expect(visible('check-progress').innerText()).resolves.toContain('已填 6/7')
  expect((await submission()).answers['XF-06']).toEqual({
    result: 'ok',
    note: OFFLINE_NOTE,
    photos: [],
  })
  await expect(item('XF-06').locator('textarea').inputValue()).resolves.toBe(OFFLINE_NOTE)
  for (const id of ['XF-01', 'XF-03', 'XF-04', 'XF-05', 'XF-06'])
    await expect(item(id).getAttribute('data-result')).resolves.toBe('ok')
  await expect(item('XF-02').getAttribute('data-result')).resolves.toBe('problem')
  await expect(item('XF-02').locator('textarea').inputValue()).resolves.toBe(NOTE)
  const img = item('XF-02').locator('[data-testid="photo"] img')
  await img.waitFor()
  expect(await img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  await expect(item('XF-07').getAttribute('data-result')).resolves.toBe('')
  await app.page.screenshot({ path: screenshotPath('screenshot-safety.png') })

  // 下一未填项 brings the open item into view.
  await visible('jump-open').click()
  await until(async () => {
    const box = await item('XF-07').boundingBox()
    return !!box && box.y > 0 && box.y < 720
  }, 'XF-07 in view')

  // 提交 with one item open: it is named, and nothing is submitted.
  await visible('check-submit').locator('.at-button').click()
  await expect(visible('item-error', item('XF-07')).innerText()).resolves.toBe(
    '请选择有问题或无问题',
  )
  await toast('未完成：XF-07').waitFor()
  expect((await submission()).status).toBe('draft')

  await answer('XF-07', 'ok')
  await saved('XF-07')
  await expect(visible('check-progress').innerText()).resolves.toContain('已填 7/7')
  await visible('check-submit').locator('.at-button').click()
  await expect(visible('confirm-content').innerText()).resolves.toContain('其中1项有问题')
  await confirmDialog()

  // Submitted: read-only, waiting for the manager, score 85 − 15.
  await visible('read-only').waitFor()
  await expect(visible('check-status').innerText()).resolves.toBe('待确认')
  await expect(visible('check-score').innerText()).resolves.toContain('70')
  await expect(visible('standing').innerText()).resolves.toContain('等待项目负责人确认')
  expect(await app.page.locator('[data-testid="choice-ok"]:visible').count()).toBe(0)
  sub = await submission()
  expect(sub).toMatchObject({ status: 'awaitingConfirm', score: 70 })

  // The handler's 填写 to-do is done; the home badge counts one fewer.
  const fills = await todosOf('p-yangguang', SUBMISSION)
  expect(fills.map((t) => [t.kind, t.status, t.result])).toEqual(
    expect.arrayContaining([
      ['fillSafetyCheck', 'done', '已提交'],
      ['confirmSafetyCheck', 'pending', undefined],
    ]),
  )
  expect(await homeBadge('demo-handler')).toBe(badgeBefore - 1)
  await visible('module-todos').click()
  await shown(visible('todos-tabs'))
  await visible('tab-done').click()
  const done = app.page.locator('[data-testid="todo-row"]:visible', { hasText: `填写：${TITLE}` })
  await done.waitFor()
  await expect(done.innerText()).resolves.toContain('已提交')
}, 90_000)

test('the manager opens the to-do, sees the photo, and returns it with a comment', async () => {
  await openAs('demo-manager', '/pages/todos/index')
  const row = app.page.locator('[data-testid="todo-row"]:visible', { hasText: `确认：${TITLE}` })
  await shown(row)
  await expect(row.locator('[data-testid="todo-kind"]').innerText()).resolves.toBe('安全检查确认')
  await row.locator('[data-testid="todo-handle"] .at-button').click()
  await app.page.waitForURL(/#\/pages\/safety\/index\?checkId=sc-fire-2026/)
  await shown(visible('review'))

  // Every item, the problem's note and its photo large, the score.
  await expect(visible('review-score').innerText()).resolves.toContain('70')
  expect(await app.page.locator('[data-testid="check-item"]:visible').count()).toBe(7)
  await expect(item('XF-02').locator('[data-testid="answer-result"]').innerText()).resolves.toBe(
    '有问题',
  )
  await expect(item('XF-02').innerText()).resolves.toContain(NOTE)
  const photo = item('XF-02').locator('[data-testid="photo"] img')
  await photo.waitFor()
  expect(await photo.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  expect(await photo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  // Its full size is the shrunk upload: at most 1280 px wide.
  expect(await photo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeLessThanOrEqual(
    1280,
  )
  await expect(visible('trail').innerText()).resolves.toContain('提交检查')

  // 退回 needs a comment.
  await visible('review-return').locator('.at-button').click()
  await visible('return-send').locator('.at-button').click()
  await expect(visible('field-return-comment-error').innerText()).resolves.toBe('请填写退回意见')
  await visible('return-comment-input').locator('textarea').fill(COMMENT)
  await visible('return-send').locator('.at-button').click()
  await confirmDialog()
  await toast('已退回').waitFor()

  // Returned: the manager may fill it too now; the banner carries the comment.
  await expect(visible('return-comment').innerText()).resolves.toContain(COMMENT)
  await expect(visible('check-status').innerText()).resolves.toBe('已退回')
  expect(await submission()).toMatchObject({ status: 'returned', comment: COMMENT })

  // Back in 待办事项 the confirmation moved to 已办 with what came of it.
  await answered('todos', 'list', () => app.page.goBack())
  await shown(visible('todos-tabs'))
  await visible('tab-done').click()
  const done = app.page.locator('[data-testid="todo-row"]:visible', { hasText: `确认：${TITLE}` })
  await done.waitFor()
  await expect(done.innerText()).resolves.toContain(`已退回：${COMMENT}`)
}, 60_000)

test('the handler sees the comment, corrects the item and submits again', async () => {
  await openAs('demo-handler', '/pages/todos/index')
  const row = app.page.locator('[data-testid="todo-row"]:visible', { hasText: `修改：${TITLE}` })
  await shown(row)
  await row.locator('[data-testid="todo-handle"] .at-button').click()
  await shown(visible('fill-form'))
  await expect(visible('return-comment').innerText()).resolves.toContain(COMMENT)
  await expect(visible('check-status').innerText()).resolves.toBe('已退回')

  await answer('XF-02', 'ok')
  await saved('XF-02')
  await visible('check-submit').locator('.at-button').click()
  await expect(visible('confirm-content').innerText()).resolves.toContain('其中0项有问题')
  await confirmDialog()
  await visible('read-only').waitFor()
  await expect(visible('check-score').innerText()).resolves.toContain('85')
  expect(await submission()).toMatchObject({ status: 'awaitingConfirm', score: 85 })

  // Back in 待办事项 (which loads again), the 修改 to-do is done.
  await answered('todos', 'list', () => app.page.goBack())
  await shown(visible('todos-tabs'))
  await expect(
    app.page.locator('[data-testid="todo-row"]:visible', { hasText: TITLE }).count(),
  ).resolves.toBe(0)
}, 60_000)

test('the manager confirms: score, trail and to-dos are final', async () => {
  await openAs('demo-manager', `/pages/safety/index?checkId=${CHECK}`)
  await shown(visible('review'))
  await expect(visible('review-score').innerText()).resolves.toContain('85')
  await visible('review-confirm').locator('.at-button').click()
  await expect(visible('confirm-content').innerText()).resolves.toContain('85/85')
  await confirmDialog()
  await toast('已确认').waitFor()

  await visible('read-only').waitFor()
  await expect(visible('check-status').innerText()).resolves.toBe('已确认')
  await expect(visible('check-score').innerText()).resolves.toContain('85')
  const labels = await app.page
    .locator('[data-testid="trail"]:visible [data-testid="trail-label"]')
    .allInnerTexts()
  expect(labels).toEqual(['确认检查', '提交检查', '退回检查', '提交检查'])
  await expect(visible('trail').innerText()).resolves.toContain(COMMENT)

  // Every to-do about it is done: the handler's two 填写 and the manager's two 确认.
  const todos = await todosOf('p-yangguang', SUBMISSION)
  expect(todos.every((t) => t.status === 'done')).toBe(true)
  expect(todos.filter((t) => t.kind === 'fillSafetyCheck')).toHaveLength(2)
  expect(todos.filter((t) => t.kind === 'confirmSafetyCheck').map((t) => t.result)).toEqual(
    expect.arrayContaining([`已退回：${COMMENT}`, '已确认']),
  )

  // The handler's 已办 has both; nothing of it waits in 待办.
  await openAs('demo-handler', '/pages/todos/index')
  await shown(visible('todos-tabs'))
  await visible('todos-list').or(visible('todos-list-empty')).first().waitFor()
  await expect(
    app.page.locator('[data-testid="todo-row"]:visible', { hasText: TITLE }).count(),
  ).resolves.toBe(0)
  await visible('tab-done').click()
  const rows = app.page.locator('[data-testid="todo-row"]:visible', { hasText: TITLE })
  await rows.first().waitFor()
  expect(await rows.count()).toBe(2)
  // 查看 shows the trail of the submission.
  await rows.first().locator('[data-testid="todo-view"] .at-button').click()
  const detail = visible('todo-detail')
  await detail.locator('[data-testid="trail-row"]').first().waitFor()
  expect(await detail.locator('[data-testid="trail-label"]').allInnerTexts()).toEqual([
    '确认检查',
    '提交检查',
    '退回检查',
    '提交检查',
  ])
}, 60_000)
