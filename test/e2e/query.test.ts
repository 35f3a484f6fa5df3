/**
 * 信息综合查询 end to end: the built H5 app (dist/h5) against the real local cloud, in headless
 * Chromium. 备案综合查询: search by name, by district and 街道, 清空; 导出 asks with the count,
 * downloads the .xlsx the function built (read back here with an independent reader: every row of
 * the search, not only the pages shown). 企业人员培训结果: search by 身份证号码 and by name and
 * company, the number masked; 详情 with courses, hours and certificate.
 */
import { readFileSync } from 'node:fs'
import type { FilingPage, TrainingDetail, TrainingPage } from '../../types/query'
import { expectOk } from '../functions/helpers'
import { screenshotPath } from '../support/browser'
import { readXlsx } from '../support/xlsx'
import { useApp } from '../support/app'

const app = useApp()
const { openAs, shown, visible } = app

const ZHANG_ID = '440305197804120318'

const input = (field: string) => visible(`field-${field}`).locator('input')
const press = (testId: string) => visible(testId).locator('.at-button').click()

/** Resolves when the page's next `query.<action>` call has answered and is on screen. */
const answered = (action: string, act: () => Promise<unknown>) => app.answered('query', action, act)

async function filings(filter: object, openid = 'demo-manager', pageNo = 0) {
  const event = { action: 'filings', ...filter, page: pageNo }
  return expectOk(await app.cloud.call('query', event, openid)) as FilingPage
}

async function allFilings(filter: object) {
  const out: FilingPage['rows'] = []
  for (let n = 0; ; n++) {
    const res = await filings(filter, 'demo-manager', n)
    out.push(...res.rows)
    if (!res.more) return out
  }
}

const filingNames = () =>
  app.page.locator('[data-testid="filing-row"]:visible .filing__name').allInnerTexts()

test('备案综合查询: by name, by district and 街道, and 清空', async () => {
  const everything = await filings({})
  await openAs('demo-manager', '/pages/query/index')
  await shown(visible('filing-list'))
  await expect(visible('filing-total').innerText()).resolves.toBe(`共 ${everything.total} 条`)
  expect(await filingNames()).toEqual(everything.rows.map((r) => r.name))

  const byName = await filings({ name: '阳光花园' })
  await input('filing-name').fill('阳光花园')
  await answered('filings', () => press('filing-submit'))
  await expect(visible('filing-total').innerText()).resolves.toBe(`共 ${byName.total} 条`)
  expect(await filingNames()).toEqual(byName.rows.map((r) => r.name))
  // The project's own contract filings are there, marked as the project's only.
  expect(await visible('filing-list').innerText()).toContain('仅本项目可见')

  // A district, then one of its streets (the name stays).
  await input('filing-name').fill('')
  await visible('district-南山区').click()
  await visible('street-粤海街道').click()
  const street = await filings({ district: '南山区', street: '粤海街道' })
  await answered('filings', () => press('filing-submit'))
  await expect(visible('filing-total').innerText()).resolves.toBe(`共 ${street.total} 条`)
  const metas = await app.page.locator('[data-testid="filing-row"]:visible').allInnerTexts()
  expect(metas.every((t) => t.includes('南山区 粤海街道'))).toBe(true)

  // Pattern characters find nothing but themselves.
  await visible('district-all').click()
  await input('filing-name').fill('城.一期')
  await answered('filings', () => press('filing-submit'))
  await expect(visible('filing-total').innerText()).resolves.toBe('共 0 条')
  await visible('filing-list-empty').waitFor()

  await answered('filings', () => press('filing-clear'))
  await expect(input('filing-name').inputValue()).resolves.toBe('')
  await expect(visible('district-all').getAttribute('data-active')).resolves.toBe('true')
  await expect(visible('filing-total').innerText()).resolves.toBe(`共 ${everything.total} 条`)
}, 60_000)

test('导出 writes every match into an .xlsx the browser downloads', async () => {
  const filter = { district: '福田区' }
  const rows = await allFilings(filter)
  expect(rows.length).toBeGreaterThan(20)
  await openAs('demo-manager', '/pages/query/index')
  await shown(visible('filing-list'))
  await visible('district-福田区').click()
  await answered('filings', () => press('filing-submit'))
  await expect(visible('filing-total').innerText()).resolves.toBe(`共 ${rows.length} 条`)
  // Only the first page is on screen; the export is not limited to it.
  expect(await app.page.locator('[data-testid="filing-row"]:visible').count()).toBe(20)

  await press('filing-export')
  await expect(visible('confirm-content').innerText()).resolves.toContain(`全部 ${rows.length} 条`)
  const download = app.page.waitForEvent('download')
  await answered('exportFilings', () => visible('confirm-ok').click())
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^备案综合查询_\d{8}-\d{4}\.xlsx$/)
  const sheet = readXlsx(readFileSync((await file.path())!))
  expect(sheet.rows[1][0]).toBe('查询条件：备案名称：不限；区域：福田区')
  expect(sheet.rows[3].slice(0, 2)).toEqual(['备案编号', '备案名称'])
  const body = sheet.rows.slice(4)
  expect(body.map((r) => r[0])).toEqual(rows.map((r) => r.filingNo))
  expect(body.map((r) => r[1])).toEqual(rows.map((r) => r.name))
  await expect(visible('export-note').innerText()).resolves.toContain(`已导出 ${rows.length} 条`)
  await app.page.screenshot({ path: screenshotPath('query-filings.png') })
}, 60_000)

test('企业人员培训结果: search, the number masked, and 详情', async () => {
  await openAs('demo-manager', '/pages/query/index')
  await shown(visible('filing-list'))
  await answered('training', () => visible('tab-training').click())
  const all = expectOk(await app.cloud.call('query', { action: 'training' }, 'demo-manager'))
  await expect(visible('training-total').innerText()).resolves.toBe(
    `共 ${(all as TrainingPage).total} 人次`,
  )
  const ids = await app.page.locator('[data-testid="training-id"]:visible').allInnerTexts()
  expect(ids.length).toBe(20)
  // Masked where the platform knows the number; a course record of the training module has none.
  for (const id of ids) expect(id).toMatch(/^(\d{6}\*{8}\d{3}[\dX]|身份证号码未登记)/)
  expect(ids.some((id) => /^\d{6}\*{8}/.test(id))).toBe(true)
  expect(await app.page.locator('body').innerText()).not.toMatch(/\d{17}[\dX]/)

  await input('training-idNo').fill(ZHANG_ID)
  await answered('training', () => press('training-submit'))
  await expect(visible('training-total').innerText()).resolves.toBe('共 1 人次')
  const row = visible('training-row')
  await expect(row.innerText()).resolves.toContain('张建国')
  await expect(visible('training-id').innerText()).resolves.toContain('440305********0318')

  const byId = expectOk(
    await app.cloud.call('query', { action: 'training', idNo: ZHANG_ID }, 'demo-manager'),
  ) as TrainingPage
  const detail = expectOk(
    await app.cloud.call(
      'query',
      { action: 'trainingDetail', resultId: byId.rows[0]._id },
      'demo-manager',
    ),
  ) as TrainingDetail
  await answered('trainingDetail', () => press('training-detail-open'))
  const sheet = visible('training-detail')
  await expect(visible('detail-id', sheet).innerText()).resolves.toBe('440305********0318')
  await expect(visible('detail-hours', sheet).innerText()).resolves.toBe(
    `${detail.totalHours} 学时`,
  )
  expect(await sheet.locator('[data-testid="detail-course"]').count()).toBe(detail.courses.length)
  expect(detail.certificate).not.toBeNull()
  await expect(visible('detail-certificate', sheet).innerText()).resolves.toContain(
    detail.certificate!.no,
  )
  await app.page.screenshot({ path: screenshotPath('query-training.png') })
  await app.page.locator('.training__detail .layout-header__btn-close:visible').click()
  await sheet.waitFor({ state: 'detached' })

  // 清空, then a name and a company together.
  await answered('training', () => press('training-clear'))
  await input('training-name').fill('张')
  await input('training-company').fill('安居')
  const combined = expectOk(
    await app.cloud.call(
      'query',
      { action: 'training', name: '张', company: '安居' },
      'demo-manager',
    ),
  ) as TrainingPage
  await answered('training', () => press('training-submit'))
  await expect(visible('training-total').innerText()).resolves.toBe(`共 ${combined.total} 人次`)
  const names = await app.page
    .locator('[data-testid="training-row"]:visible .trainee__name')
    .allInnerTexts()
  expect(names.length).toBe(Math.min(20, combined.total))
  expect(names.every((n) => n.includes('张'))).toBe(true)

  // A partial number is refused in the form, before any call.
  await input('training-name').fill('')
  await input('training-company').fill('')
  await input('training-idNo').fill('4403051978')
  await press('training-submit')
  await expect(visible('field-training-idNo-error').innerText()).resolves.toBe(
    '请输入18位身份证号码',
  )
}, 60_000)
