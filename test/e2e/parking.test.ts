/**
 * 车位信息公开 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. The demo handler continues the seeded draft of edition 3, meets a sum that does not
 * add up (shown live, then named on 提交), fixes it and the blank that follows, finds the draft
 * kept on reload, submits and sees the publicity sheet; the manager publishes it from the to-do;
 * another handler of the project reads it; the manager drafts edition 4 while 3 stays published,
 * and publishes it.
 */
import type { ParkingEdition } from '../../types/parking'
import type { Todo } from '../../types/todos'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const E3 = 'p-yangguang_e3'

const app = useApp()
const { openAs, shown, visible } = app

const input = (path: string) => visible(`field-pk-${path}`).locator('input')

/** Waits until the element `testId` shows `text` (the page answers after its call). */
async function showing(testId: string, text: string): Promise<void> {
  await app.page.locator(`[data-testid="${testId}"]:visible`, { hasText: text }).waitFor()
}

async function edition(id: string): Promise<ParkingEdition> {
  return (await app.cloud.collection<ParkingEdition>('parking_editions', { _id: id }))[0]
}

async function saved(): Promise<void> {
  await app.page.locator('[data-testid="save-state"][data-state="saved"]:visible').waitFor()
}

/** Types into a field as a person does (the input events reach the page). */
async function type(path: string, text: string): Promise<void> {
  const box = input(path)
  await box.fill('')
  await box.pressSequentially(text)
}

test('the handler continues the draft, fixes a sum and a blank, and submits', async () => {
  await openAs('demo-handler', '/pages/parking/index')
  await shown(visible('parking-published'))
  await expect(visible('published-total').innerText()).resolves.toBe('820')
  await visible('continue-draft').locator('.at-button').click()
  await app.page.waitForURL(/#\/pages\/parking\/form\/index/)
  const form = visible('parking-form')
  await shown(form)
  // The seeded draft was left at 车位基本信息: it opens there.
  await expect(form.getAttribute('data-step')).resolves.toBe('1')
  await expect(input('counts.total').inputValue()).resolves.toBe('836')

  // The sums as they stand: two add up, 地下 + 非地下 is 16 short.
  await expect(visible('sum-counts.added').getAttribute('data-ok')).resolves.toBe('true')
  const underground = visible('sum-counts.aboveGround')
  await expect(underground.getAttribute('data-ok')).resolves.toBe('false')
  await expect(underground.innerText()).resolves.toContain('760 + 60 = 820，车位总数 836，少 16')

  // 提交 names the first wrong field and stays on it.
  await visible('submit-parking').locator('.at-button').click()
  await showing('form-errors', '第一处：非地下车位数')
  await expect(visible('field-pk-counts.aboveGround-error').innerText()).resolves.toContain(
    '相差 16',
  )
  await app.page.screenshot({ path: screenshotPath('parking-sum-error.png') })

  // Fixed as it is typed: the sum line turns right at once, and the draft is saved.
  await type('counts.aboveGround', '76')
  await expect(underground.getAttribute('data-ok')).resolves.toBe('true')
  await expect(underground.innerText()).resolves.toContain('760 + 76 = 836')
  await saved()
  expect((await edition(E3)).form.counts?.aboveGround).toBe(76)

  // Another phone (a reload) finds the draft as it was left, at the same step.
  await app.page.reload()
  await shown(visible('parking-form'))
  await expect(visible('parking-form').getAttribute('data-step')).resolves.toBe('1')
  await expect(input('counts.aboveGround').inputValue()).resolves.toBe('76')

  // The next wrong field is in another step: 提交 goes there and names it.
  await visible('submit-parking').locator('.at-button').click()
  await showing('form-errors', '第一处：充电桩数量')
  await expect(visible('parking-form').getAttribute('data-step')).resolves.toBe('3')
  await expect(visible('field-pk-chargers.count-error').innerText()).resolves.toBe(
    '请填写充电桩数量（没有请填0）',
  )
  await type('chargers.count', '64')
  await visible('form-errors').waitFor({ state: 'detached' })

  await visible('submit-parking').locator('.at-button').click()
  await visible('confirm-ok').click()
  await app.page.waitForURL(/#\/pages\/parking\/sheet\/index\?editionId=p-yangguang_e3/)
  await shown(visible('parking-sheet'))
  await expect(visible('submitted-banner').innerText()).resolves.toContain('等待项目负责人发布')
  await expect(visible('sheet-status').innerText()).resolves.toBe('待发布')
  await expect(visible('sheet-counts.aboveGround').innerText()).resolves.toBe('76 个')
  await expect(visible('sheet-chargers.count').innerText()).resolves.toBe('64 个')
  await expect(visible('sheet-perHome').innerText()).resolves.toBe('0.66')
  // A handler cannot publish.
  expect(await visible('publish-parking').count()).toBe(0)

  const e3 = await edition(E3)
  expect(e3).toMatchObject({ status: 'submitted', submittedByName: '李晓华' })
  const todos = await app.cloud.collection<Todo>('todos', { targetId: E3, status: 'pending' })
  expect(todos.map((t) => t.kind)).toEqual(['publishParking'])
}, 60_000)

test('the manager publishes it from the to-do; another handler of the project reads it', async () => {
  await openAs('demo-manager', '/pages/todos/index')
  const row = app.page.locator('[data-testid="todo-row"]:visible', { hasText: '车位信息公开第3版' })
  await shown(row)
  await row.locator('[data-testid="todo-handle"] .at-button').click()
  await app.page.waitForURL(/#\/pages\/parking\/sheet\/index\?editionId=p-yangguang_e3/)
  await shown(visible('parking-sheet'))
  await visible('publish-parking').locator('.at-button').click()
  await expect(visible('confirm-content').innerText()).resolves.toContain('替换正在公示的版本')
  await visible('confirm-ok').click()
  await showing('sheet-status', '公示中')
  await expect(visible('parking-trail').innerText()).resolves.toContain('发布车位信息')
  expect(await edition(E3)).toMatchObject({ status: 'published', publishedByName: '张建国' })
  expect((await edition('p-yangguang_e2')).status).toBe('superseded')
  expect(await app.cloud.collection<Todo>('todos', { targetId: E3, status: 'pending' })).toEqual([])

  // Another handler of 阳光花园, granted the module by the manager.
  const reader = await readerHandler()
  await openAs(reader, '/pages/parking/index')
  await shown(visible('parking-published'))
  await expect(visible('parking-published').innerText()).resolves.toContain('第3版')
  await expect(visible('published-total').innerText()).resolves.toBe('836')
  const rows = app.page.locator('[data-testid="history-row"]:visible')
  await expect(rows.first().innerText()).resolves.toContain('第3版')
  await expect(rows.nth(1).getAttribute('data-status')).resolves.toBe('superseded')
  await visible('parking-published').click()
  await shown(visible('parking-sheet'))
  await expect(visible('sheet-counts.total').innerText()).resolves.toBe('836 个')
  await app.page.screenshot({ path: screenshotPath('parking-sheet.png') })
}, 60_000)

test('the manager drafts edition 4 while 3 stays published, then publishes it', async () => {
  await openAs('demo-manager', '/pages/parking/index')
  await shown(visible('parking-new'))
  await expect(visible('parking-new').innerText()).resolves.toContain('第4版')
  await visible('parking-new').locator('.at-button').click()
  await shown(visible('parking-form'))
  // It starts from the published edition's figures.
  await visible('step-1').click()
  await expect(input('counts.total').inputValue()).resolves.toBe('836')
  await visible('step-2').click()
  await type('cards.issued', '700')
  await saved()
  const e4 = 'p-yangguang_e4'
  expect(await edition(e4)).toMatchObject({ status: 'draft', createdByName: '张建国' })
  expect((await edition(E3)).status).toBe('published')

  await visible('step-5').click()
  await visible('submit-parking').locator('.at-button').click()
  await visible('confirm-ok').click()
  await app.page.waitForURL(/#\/pages\/parking\/sheet\/index\?editionId=p-yangguang_e4/)
  await shown(visible('parking-sheet'))
  // A manager's own submission is published at once, from the sheet.
  await expect(visible('submitted-banner').innerText()).resolves.toContain('确认无误后发布')
  await visible('publish-parking').locator('.at-button').click()
  await visible('confirm-ok').click()
  await showing('sheet-status', '公示中')
  expect(await edition(e4)).toMatchObject({ status: 'published' })
  expect((await edition(E3)).status).toBe('superseded')
  expect(await app.cloud.collection<Todo>('todos', { targetId: e4 })).toEqual([])
}, 60_000)

/** An active handler of 阳光花园 holding 车位信息公开, bound and authorized through the functions. */
async function readerHandler(): Promise<string> {
  const openid = 'o-e2e-parking-reader'
  const phone = '13312345678'
  const sent = await app.cloud.call<{ ok: boolean }>(
    'binding',
    { action: 'sendCode', phone },
    openid,
  )
  if (!sent.ok) throw new Error('sendCode failed')
  const [sms] = (await app.cloud.outbox({ kind: 'sms', to: phone })) as { data: { code: string } }[]
  const bound = await app.cloud.call<{ ok: boolean; data: { account: { _id: string } } }>(
    'binding',
    {
      action: 'submit',
      category: 'property',
      name: '周静',
      phone,
      code: sms.data.code,
      projectId: 'p-yangguang',
      requestId: 'e2e-parking-reader-1',
    },
    openid,
  )
  if (!bound.ok) throw new Error('binding failed')
  const authorized = await app.cloud.call<{ ok: boolean }>(
    'permissions',
    { action: 'authorize', accountId: bound.data.account._id, version: 1, modules: ['parking'] },
    'demo-manager',
  )
  if (!authorized.ok) throw new Error('authorize failed')
  return openid
}
