/**
 * Touch targets of at least 44 × 44 px (Apple's and WeChat's minimum) on a phone-sized screen: the
 * H5 bar's back and home controls, a list row's actions, and form fields — the whole row of an
 * input takes the tap, and a tap on its label focuses it.
 */
import { type Locator } from 'playwright-core'
import { useApp } from '../support/app'

const app = useApp()
const { visible } = app

const MIN = 44

async function size(el: Locator): Promise<{ width: number; height: number }> {
  const box = await el.boundingBox()
  if (!box) throw new Error('not laid out')
  return { width: Math.round(box.width), height: Math.round(box.height) }
}

const focusedName = () => app.page.evaluate(() => (document.activeElement as HTMLInputElement).name)

test('the bar’s home and back controls are 44 × 44 px', async () => {
  await app.openAs('demo-handler', '/pages/todos/index')
  await app.shown(visible('todo-row').first())
  const home = app.page.locator('.taro-navigation-bar-home:visible')
  const s = await size(home)
  expect(s.width).toBeGreaterThanOrEqual(MIN)
  expect(s.height).toBeGreaterThanOrEqual(MIN)

  await app.openAs('demo-handler', '/pages/home/index')
  await app.shown(visible('module-grid'))
  await visible('module-todos').click()
  await app.shown(visible('todo-row').first())
  const back = app.page.locator('.taro-navigation-bar-back:visible')
  const b = await size(back)
  expect(b.width).toBeGreaterThanOrEqual(MIN)
  expect(b.height).toBeGreaterThanOrEqual(MIN)
  // Its edge, not only the arrow, goes back.
  const box = (await back.boundingBox())!
  await app.page.mouse.click(box.x + box.width - 2, box.y + box.height - 2)
  await app.shown(visible('module-grid'))
})

test('a list row’s actions are 44 px high', async () => {
  await app.openAs('demo-handler', '/pages/todos/index')
  await app.shown(visible('todo-row').first())
  const actions = visible('todo-row').first().locator('.at-button')
  expect(await actions.count()).toBeGreaterThan(0)
  for (const a of await actions.all()) expect((await size(a)).height).toBeGreaterThanOrEqual(MIN)
})

test('an input takes a tap anywhere in its row, and its label focuses it', async () => {
  await app.openAs('demo-newcomer', '/pages/binding/index')
  const row = visible('field-name').locator('.at-input')
  await app.shown(row)
  const input = row.locator('input')
  expect((await size(input)).height).toBeGreaterThanOrEqual(MIN)
  expect((await size(input)).height).toBeGreaterThanOrEqual((await size(row)).height - 8)

  await row.locator('.at-input__title').click()
  await expect(focusedName()).resolves.toBe('binding-name')

  // The phone row: its label, then the row's padding left of the label.
  const phone = visible('field-phone').locator('.at-input')
  await phone.locator('.at-input__title').click()
  await expect(focusedName()).resolves.toBe('binding-phone')
  await row.click({ position: { x: 4, y: 4 } })
  await expect(focusedName()).resolves.toBe('binding-name')
})
