/**
 * 电脑端布局 of the daily work (issue 18 §5), at 1280×800: home is a dashboard (the modules in more
 * columns than a phone's three, the to-dos waiting with the way to them), 待办事项 and 安全检查 are
 * tables, a to-do's details a dialog in the middle of the screen, and the manager's review keeps
 * the score with 确认 / 退回 beside the answers while they scroll. At a phone's 390×844 the same
 * pages keep their phone layout.
 */
import type { Locator, Route } from 'playwright-core'
import { PNG } from 'pngjs'
import { TODO_PAGE_SIZE, type Todo, type TodoCounts } from '../../types/todos'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

const app = useApp({ viewport: DESKTOP })
const { openAs, shown, visible, api } = app

const box = async (locator: Locator) => (await locator.boundingBox())!

/** How many distinct columns (left edges) the visible tiles of home's grid stand in. */
async function gridColumns(): Promise<number> {
  const tiles = app.page.locator('[data-testid=module-grid]:visible .module-grid__item')
  await tiles.first().waitFor()
  const xs = await tiles.evaluateAll((els) =>
    els.map((e) => Math.round(e.getBoundingClientRect().x)),
  )
  return new Set(xs).size
}

async function openHome(viewport: { width: number; height: number }): Promise<void> {
  await app.page.setViewportSize(viewport)
  await openAs('demo-manager', '/pages/home/index')
  await shown(visible('module-grid'))
}

test('home’s to-dos card says when the count could not be read, and 重试 reads it again', async () => {
  const counts = await api<TodoCounts>('todos', { action: 'counts' })
  // The network drops for the count only.
  const drop = (route: Route) =>
    route.request().postDataJSON()?.action === 'counts'
      ? route.abort('internetdisconnected')
      : route.continue()
  await app.page.route('**/api/functions/todos', drop)
  try {
    await openHome(DESKTOP)
    const retry = visible('home-todos-retry')
    await retry.waitFor()
    await expect(visible('home-todos').innerText()).resolves.toContain('读取失败')
    await app.page.unroute('**/api/functions/todos', drop)
    await app.answered('todos', 'counts', () => retry.click())
    await expect(visible('home-todos-pending').innerText()).resolves.toBe(String(counts.pending))
    await expect(retry.count()).resolves.toBe(0)
    // 重试 reads the count again; it does not also open 待办事项.
    expect(app.page.url()).toMatch(/#\/pages\/home\/index/)
  } finally {
    await app.page.unroute('**/api/functions/todos', drop)
  }
})

test('home at 1280×800 is a dashboard: the modules in more columns, the to-dos waiting and the way to them', async () => {
  const counts = await api<TodoCounts>('todos', { action: 'counts' })
  expect(counts.pending).toBeGreaterThan(0)
  await openHome(DESKTOP)
  expect(await gridColumns()).toBeGreaterThan(3)
  const tile = await box(visible('module-grid').locator('.module-grid__icon').first())

  // The account and its project beside the to-dos waiting.
  const greeting = await box(visible('home-greeting'))
  const todos = visible('home-todos')
  await expect(visible('home-todos-pending').innerText()).resolves.toBe(String(counts.pending))
  const card = await box(todos)
  expect(Math.round(card.y)).toBe(Math.round(greeting.y))
  expect(card.x).toBeGreaterThanOrEqual(greeting.x + greeting.width)
  await app.page.screenshot({ path: screenshotPath('desktop-home.png') })

  await visible('home-todos-open').click()
  await app.page.waitForURL(/#\/pages\/todos\/index/)
  await shown(visible('todos-list'))

  // A phone: three columns of smaller tiles, no to-dos card (the grid's badge says it).
  await openHome(PHONE)
  expect(await gridColumns()).toBe(3)
  await expect(visible('home-todos').count()).resolves.toBe(0)
  await expect(visible('badge-todos').innerText()).resolves.toBe(String(counts.pending))
  const phoneTile = await box(visible('module-grid').locator('.module-grid__icon').first())
  expect(tile.width).toBeGreaterThan(phoneTile.width)
  await app.page.setViewportSize(DESKTOP)
})

// ---- 待办事项 -----------------------------------------------------------------------------------

const headers = async (testId: string) =>
  (await visible(testId).locator('.paged-table__th').allInnerTexts()).map((t) =>
    t.replace(/[↑↓↕]/g, '').trim(),
  )
const detailOpen = () => app.page.locator('.todos__detail.at-float-layout--active')

test('待办事项 at 1280×800 is a table; 办理 opens the work, 查看 the details in a dialog in the middle', async () => {
  const { rows } = await api<{ rows: Todo[] }>('todos', {
    action: 'list',
    status: 'pending',
    page: 0,
  })
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todos-list'))
  expect(await headers('todos-list')).toEqual(['事项', '类型', '截止日期', '操作'])
  const tableRows = visible('todos-list-row')
  await expect(tableRows.count()).resolves.toBe(rows.length)
  // Every to-do on one page: nothing to turn, so no pager.
  expect(rows.length).toBeLessThan(TODO_PAGE_SIZE)
  await expect(visible('todos-list-page').count()).resolves.toBe(0)
  await expect(visible('todo-row').count()).resolves.toBe(0)
  const first = tableRows.first()
  await expect(first.locator('[data-column=title]').innerText()).resolves.toBe(rows[0].title)
  await app.page.screenshot({ path: screenshotPath('desktop-todos.png') })

  // 办理: the page that does the work, and only that (the row's own tap would show the details).
  await first.locator('[data-testid=todo-handle] .at-button').click()
  await app.page.waitForURL((url) => url.hash.startsWith(`#${rows[0].link.split('?')[0]}`))
  await expect(detailOpen().count()).resolves.toBe(0)
  await openAs('demo-manager', '/pages/todos/index')

  // 查看: the details as a dialog, centred, not a sheet at the bottom.
  await visible('todos-list-row').first().locator('[data-testid=todo-view] .at-button').click()
  await shown(visible('todo-detail'))
  const dialog = await box(detailOpen().locator('.at-float-layout__container'))
  const middle = dialog.x + dialog.width / 2
  expect(Math.abs(middle - DESKTOP.width / 2)).toBeLessThan(DESKTOP.width * 0.15)
  expect(dialog.width).toBeLessThan(DESKTOP.width * 0.8)
  expect(dialog.y).toBeGreaterThan(0)
  expect(dialog.y + dialog.height).toBeLessThan(DESKTOP.height - 20)
  await app.page.screenshot({ path: screenshotPath('desktop-todo-detail.png') })
  await detailOpen().locator('.layout-header__btn-close').click()
  await detailOpen().waitFor({ state: 'detached' })

  // A row's tap shows its details too.
  await visible('todos-list-row').first().locator('[data-column=title]').click()
  await shown(visible('todo-detail'))
  await detailOpen().locator('.layout-header__btn-close').click()
  await detailOpen().waitFor({ state: 'detached' })

  // 已办: when and by whom, and what came of it.
  await visible('tab-done').click()
  await visible('todos-list').locator('[data-column=done]').first().waitFor()
  expect(await headers('todos-list')).toEqual(['事项', '类型', '办结', '结果', '操作'])
  await expect(visible('todo-handle').count()).resolves.toBe(0)
}, 60_000)

test('待办事项 on a phone keeps its rows with 查看 / 办理 and the sheet at the bottom', async () => {
  await app.page.setViewportSize(PHONE)
  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todo-row').first())
  await expect(visible('todos-list').locator('.paged-table__th').count()).resolves.toBe(0)
  await visible('todo-row').first().locator('[data-testid=todo-view] .at-button').click()
  await shown(visible('todo-detail'))
  // Once it has slid up: the whole width, its bottom on the screen's.
  await app.page.waitForFunction(() => {
    const sheet = document.querySelector('.todos__detail.at-float-layout--active .layout')
    const b = sheet?.getBoundingClientRect()
    return !!b && Math.abs(b.bottom - window.innerHeight) < 2 && b.width === window.innerWidth
  })
  await app.page.setViewportSize(DESKTOP)
})

// ---- 安全检查 -----------------------------------------------------------------------------------

const FIRE = 'sc-fire-2026'
const YG = 'p-yangguang'

/** A small PNG, base64, of one colour: a photo as the page would upload it. */
function photo(shade: number): string {
  const png = new PNG({ width: 64, height: 48 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([shade, 120, 200 - shade, 255], i)
  return PNG.sync.write(png).toString('base64')
}

/**
 * The handler fills the fire check through the app's calls (as its form does) with photos for
 * two problems, and submits: it awaits the manager's confirmation.
 */
async function submitFireCheck(): Promise<void> {
  const handler = 'demo-handler'
  const target = { projectId: YG, checkId: FIRE }
  const upload = async (itemId: string, shade: number) => {
    const { cloudPath } = await api<{ cloudPath: string }>(
      'safety',
      { action: 'photoSlot', ...target, itemId, ext: 'png' },
      handler,
    )
    const { fileID } = await api<{ fileID: string }>(
      'safety',
      { action: 'uploadPhoto', ...target, cloudPath, dataBase64: photo(shade) },
      handler,
    )
    return fileID
  }
  let version = 0
  for (let n = 1; n <= 7; n++) {
    const itemId = `XF-0${n}`
    const problem = n === 2 || n === 5
    const photos = problem
      ? [await upload(itemId, 40), await upload(itemId, 90), await upload(itemId, 140)]
      : []
    const answer = problem
      ? { result: 'problem', note: `第${n}项整改中，已拍照留存。`, photos }
      : { result: 'ok', photos }
    ;({ version } = await api<{ version: number }>(
      'safety',
      { action: 'saveAnswer', ...target, itemId, answer },
      handler,
    ))
  }
  await api(
    'safety',
    { action: 'submit', ...target, version, requestId: `dwfire${Date.now()}`.padEnd(20, 'x') },
    handler,
  )
}

test('安全检查 at 1280×800 lists the checks as a table; a row opens the check', async () => {
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-handler', '/pages/safety/index')
  await shown(visible('checks'))
  expect(await headers('checks')).toEqual([
    '类型',
    '检查名称',
    '发布单位',
    '检查时间',
    '进度',
    '自评得分',
    '状态',
  ])
  const row = visible('checks-row').filter({ hasText: '冬春火灾防控专项检查' })
  await expect(row.locator('[data-column=issuer]').innerText()).resolves.toBe('深圳市消防救援支队')
  await expect(row.locator('[data-column=progress]').innerText()).resolves.toContain('/7')
  await app.page.screenshot({ path: screenshotPath('desktop-safety-list.png') })
  await row.click()
  await app.page.waitForURL(/#\/pages\/safety\/check\/index\?checkId=sc-fire-2026/)
  await shown(visible('check'))
})

test('the manager’s review at 1280×800: answers in the main column, score with 确认 / 退回 beside them in view while they scroll, photos in a grid', async () => {
  await submitFireCheck()
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-manager', `/pages/safety/check/index?checkId=${FIRE}`)
  await shown(visible('review'))
  const answers = visible('answer-list')
  const side = visible('review-side')
  // 85 points, less XF-02's 15 and XF-05's 10.
  await expect(visible('review-score').innerText()).resolves.toContain('60')
  const [a, s] = [await box(answers), await box(side)]
  expect(s.x).toBeGreaterThanOrEqual(a.x + a.width)
  expect(Math.abs(s.y - a.y)).toBeLessThan(40)

  // Photos of one item side by side.
  const photos = visible('photos').first().locator('[data-testid=photo]')
  await expect(photos.count()).resolves.toBe(3)
  const [p1, p2] = [await box(photos.nth(0)), await box(photos.nth(1))]
  expect(Math.round(p2.y)).toBe(Math.round(p1.y))
  expect(p2.x).toBeGreaterThan(p1.x + p1.width - 1)

  // The answers scroll to their end: the decision stays in view.
  const inView = async (locator: Locator) => {
    const b = await box(locator)
    expect(b.y).toBeGreaterThanOrEqual(0)
    expect(b.y + b.height).toBeLessThanOrEqual(DESKTOP.height)
  }
  const last = visible('check-item').last()
  await last.scrollIntoViewIfNeeded()
  expect((await box(last)).y).toBeGreaterThan(DESKTOP.height / 2)
  expect((await box(answers)).y).toBeLessThan(0)
  await inView(visible('review-confirm'))
  await inView(visible('review-return'))
  await visible('review-return').locator('.at-button').click()
  await inView(visible('return-comment-input'))
  await inView(visible('return-send'))
  await app.page.screenshot({ path: screenshotPath('desktop-safety-review.png') })

  // A phone: one under another, the decision after the answers.
  await app.page.setViewportSize(PHONE)
  await visible('review-side').waitFor({ state: 'detached' })
  const [a2, d2] = [await box(visible('answer-list')), await box(visible('review-actions'))]
  expect(d2.y).toBeGreaterThanOrEqual(a2.y + a2.height)
  expect(Math.round(d2.x)).toBe(Math.round(a2.x))
  const [q1, q2] = [
    await box(visible('photos').first().locator('[data-testid=photo]').nth(0)),
    await box(visible('photos').first().locator('[data-testid=photo]').nth(1)),
  ]
  expect(q2.y).toBeGreaterThan(q1.y)
  await app.page.setViewportSize(DESKTOP)
}, 60_000)
