/**
 * 项目信息, 共有资金情况, 大额资金转账 and 信用信息 in the built H5 app (dist/h5) against the real
 * local cloud, on a phone-sized screen: the demo manager walks every tab and list (paging with
 * 加载更多, filters, details), the figures on screen are the functions' to the cent, personal
 * numbers arrive masked; a handler without the modules is refused; a manager of two projects
 * (周文斌, bound through the binding function) switches to 翠湖雅苑 and sees every empty state.
 */
import { type Locator, type Page } from 'playwright-core'
import type { Result } from '../../types/errors'
import { formatFen } from '../../types/display'
import type { AccountsReply, MovementPage } from '../../types/funds'
import type { TransferPage } from '../../types/transfers'
import { PROJECT_TABS, type ProjectTab } from '../../types/project'
import { launchApp, screenshotPath, type App } from '../support/browser'
import type { TestCloud } from '../support/cloud'
import { bindRegistered } from '../functions/registered'

/** 张建国's 身份证号码 (server/seed/people.ts) as every module shows it. */
const ZHANG_ID_SHOWN = '440305********0318'

let app: App
let cloud: TestCloud
let page: Page

beforeAll(async () => {
  app = await launchApp()
  ;({ cloud, page } = app)
}, 40_000)

afterAll(async () => {
  await app?.close()
})

const byId = (id: string, scope: Page | Locator = page) =>
  scope.locator(`[data-testid="${id}"]:visible`)

/** Opens the app as `openid` at `route` (a fresh load). */
const openAs = (openid: string, route: string) => app.openAs(openid, route)

/** Waits until `locator` is on a page whose entering transition is over (see home.test.ts). */
const shown = (locator: Locator) => app.shown(locator)

async function api<T>(fn: string, event: object, openid = 'demo-manager'): Promise<T> {
  const r = await cloud.call<Result<T>>(fn, event, openid)
  if (!r.ok) throw new Error(`${fn}: ${r.error.code} ${r.error.message}`)
  return r.data
}

/** Rows of a PagedList, after tapping 加载更多 until 没有更多了. */
async function loadAll(testId: string): Promise<Locator> {
  const rows = byId(`${testId}-row`)
  await rows.first().waitFor()
  for (let i = 0; i < 20; i++) {
    const footer = byId(`${testId}-more`)
    const text = await footer.innerText()
    if (text.includes('没有更多了')) break
    const before = await rows.count()
    await footer.click()
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel as string).length > (n as number),
      [`[data-testid="${testId}-row"]`, before],
    )
  }
  return rows
}

const tab = (key: string) => byId(`tab-${key}`)

/** What each 项目信息 tab shows for 阳光花园 once loaded. */
const LOADED: Record<ProjectTab, string> = {
  basic: 'basic-card',
  staff: 'staff-list',
  company: 'company-card',
  committee: 'committee-card',
  party: 'party-card',
  owners: 'owners-card',
  safety: 'safety-summary',
  voting: 'voting-summary',
  facilities: 'facilities-list',
  contracts: 'contract-card',
  fund: 'fund-card',
}

test('项目信息: the demo manager walks all eleven tabs, lists paged', async () => {
  await openAs('demo-manager', '/pages/project/index')
  await shown(byId('basic-card'))
  const basic = await byId('basic-card').innerText()
  for (const text of [
    'SZNS2019001',
    '南山区',
    '粤海街道',
    '高新社区',
    '0755-26001234',
    '92.5 分',
  ]) {
    expect(basic).toContain(text)
  }
  await expect(byId('basic-profile').innerText()).resolves.toContain('215,386.72 ㎡')

  for (const key of Object.keys(PROJECT_TABS) as ProjectTab[]) {
    await tab(key).click()
    await byId(LOADED[key]).first().waitFor()
    await expect(tab(key).getAttribute('data-active')).resolves.toBe('true')
  }

  // 从业人员: 34 people over two pages, phones and ID numbers masked as the function sent them.
  await tab('staff').click()
  const staff = await loadAll('staff-list')
  await expect(staff.count()).resolves.toBe(34)
  const staffText = await byId('staff-list').innerText()
  expect(staffText).toContain('138****8001')
  // 张建国's 身份证号码, shown as 信用信息 and 培训结果 show it (one rule, one number).
  expect(staffText).toContain(ZHANG_ID_SHOWN)
  expect(staffText).not.toMatch(/1[3-9]\d{9}/)
  await expect(byId('staff-list-more').innerText()).resolves.toContain('没有更多了')

  // 业主情况: the binding rate as the function computed it.
  await tab('owners').click()
  const owners = await api<{ owners: { bindingRate: number } }>('project', { action: 'owners' })
  await expect(byId('owners-stats').innerText()).resolves.toContain(
    `${owners.owners.bindingRate.toFixed(1)}%`,
  )
  await expect(byId('owners-building').count()).resolves.toBe(12)

  // 电子投票: sessions paged under the summary.
  await tab('voting').click()
  await expect((await loadAll('votes-list')).count()).resolves.toBe(24)

  // 设施设备: by kind, paged.
  await tab('facilities').click()
  await byId('facility-kind-电梯').click()
  await byId('facilities-list-row').first().waitFor()
  await expect((await loadAll('facilities-list')).count()).resolves.toBe(24)
  await expect(byId('facilities-list').innerText()).resolves.toContain('电梯厅')

  // 维修金信息: the balance to the cent, uses paged.
  await tab('fund').click()
  const { fund } = await api<{ fund: { balance: number } }>('project', { action: 'fund' })
  await expect(byId('fund-balance').innerText()).resolves.toBe(formatFen(fund.balance))
  await expect((await loadAll('fund-uses')).count()).resolves.toBe(26)
  await page.screenshot({ path: screenshotPath('project-info.png') })
}, 90_000)

test('共有资金情况: accounts, then an account’s movements by month with totals to the cent', async () => {
  const accounts = await api<AccountsReply>('funds', { action: 'accounts' })
  await openAs('demo-manager', '/pages/funds/index')
  await shown(byId('funds-total'))
  await expect(byId('funds-total-value').innerText()).resolves.toBe(formatFen(accounts.total))
  const cards = byId('fund-account')
  await expect(cards.count()).resolves.toBe(3)
  const firstCard = await cards.first().innerText()
  expect(firstCard).toContain('**** **** **** 1234')
  expect(firstCard).toContain(formatFen(accounts.rows[0].balance))

  await cards.first().click()
  await page.waitForURL(/#\/pages\/funds\/account\/index\?accountId=fa-yg-income/)
  await shown(byId('account-head'))
  await expect(byId('account-balance').innerText()).resolves.toBe(
    formatFen(accounts.rows[0].balance),
  )
  const all = await api<MovementPage>('funds', { action: 'movements', accountId: 'fa-yg-income' })
  await byId('movements-row').first().waitFor()
  await expect(byId('movements-row').count()).resolves.toBe(20)
  await expect(byId('movement-totals').innerText()).resolves.toContain(formatFen(all.totals!.in))

  // A month: its rows and totals as the function sums them, and the rows add up to them.
  const month = all.rows[all.rows.length - 1].month
  await byId(`month-${month}`).click()
  const monthly = await api<MovementPage>('funds', {
    action: 'movements',
    accountId: 'fa-yg-income',
    month,
  })
  const totals = byId('movement-totals')
  await totals.getByText(formatFen(monthly.totals!.in)).waitFor()
  expect(await totals.innerText()).toContain(formatFen(monthly.totals!.out))
  const rows = await loadAll('movements')
  const amounts = await rows.locator('[data-testid="movement-amount"]').allInnerTexts()
  expect(amounts).toHaveLength(monthly.totals!.count)
  const fen = (t: string) => Number(t.replace(/[^\d]/g, ''))
  const sum = (sign: string) =>
    amounts.filter((a) => a.startsWith(sign)).reduce((n, a) => n + fen(a), 0)
  expect(sum('+')).toBe(monthly.totals!.in)
  expect(sum('-')).toBe(monthly.totals!.out)

  // Out only, over every month.
  const outTotals = (
    await api<MovementPage>('funds', {
      action: 'movements',
      accountId: 'fa-yg-income',
      direction: 'out',
    })
  ).totals!
  await byId('month-all').click()
  await byId('direction-out').click()
  await totals.getByText(`${outTotals.count}`, { exact: true }).waitFor()
  await expect(totals.innerText()).resolves.toContain(formatFen(-outTotals.out))
  const directions = await byId('movement').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-direction')),
  )
  expect(directions).toHaveLength(20)
  expect(new Set(directions)).toEqual(new Set(['out']))
}, 60_000)

test('大额资金转账: filters by date and amount with totals, and a transfer’s details', async () => {
  const all = await api<TransferPage>('transfers', { action: 'list' })
  await openAs('demo-manager', '/pages/transfers/index')
  await shown(byId('transfer-filters'))
  const totals = byId('transfer-totals')
  await totals.getByText(formatFen(all.totals!.amount)).waitFor()
  await expect(byId('transfers-row').count()).resolves.toBe(20)
  await expect((await loadAll('transfers')).count()).resolves.toBe(all.totals!.count)

  // Amounts in yuan, both ends included.
  await byId('min-amount').locator('input').fill('100000')
  await byId('filter-apply').locator('.at-button').click()
  const over = await api<TransferPage>('transfers', { action: 'list', minAmount: 10_000_000 })
  await totals.getByText(formatFen(over.totals!.amount)).waitFor()
  const shownAmounts = await byId('transfer-amount').allInnerTexts()
  expect(shownAmounts.length).toBeGreaterThan(0)
  for (const a of shownAmounts)
    expect(Number(a.replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(10_000_000)

  // A range that contradicts itself is refused before any call.
  await byId('max-amount').locator('input').fill('500')
  await byId('filter-apply').locator('.at-button').click()
  await expect(byId('amount-error').innerText()).resolves.toBe('最高金额不能低于最低金额')

  // Dates: the last year's, as the function counts them.
  await byId('filter-reset').locator('.at-button').click()
  await totals.getByText(formatFen(all.totals!.amount)).waitFor()
  await byId('range-近一年').click()
  await expect(byId('range-近一年').getAttribute('class')).resolves.toContain('kit-chips__item--on')
  const from = await byId('date-from').innerText()
  const to = await byId('date-to').innerText()
  const year = await api<TransferPage>('transfers', { action: 'list', from, to })
  await totals.getByText(formatFen(year.totals!.amount)).waitFor()

  // Details: the payee's account masked, the approval and the publicity period.
  await byId('transfers-row').first().click()
  await page.waitForURL(/#\/pages\/transfers\/detail\/index\?transferId=/)
  await shown(byId('transfer-detail'))
  await expect(byId('transfer-detail-amount').innerText()).resolves.toBe(
    formatFen(year.rows[0].amount),
  )
  await expect(byId('transfer-detail').innerText()).resolves.toMatch(/\*{4} \*{4} \*{4} \d{4}/)
  await expect(byId('transfer-approval').innerText()).resolves.toMatch(/业主大会|业主委员会/)
  await expect(byId('transfer-publicity').innerText()).resolves.toContain('至')
}, 60_000)

test('信用信息: six subject types, owners paged, a subject’s good and bad records', async () => {
  await openAs('demo-manager', '/pages/credit/index')
  await shown(byId('credit-types'))
  for (const type of ['company', 'manager', 'director', 'owner', 'secretary', 'supervisor']) {
    await tab(type).click()
    await byId('credit-subjects-row').first().waitFor()
  }
  await tab('owner').click()
  await expect((await loadAll('credit-subjects')).count()).resolves.toBe(28)

  await tab('manager').click()
  await byId('credit-subject').first().click()
  await page.waitForURL(/#\/pages\/credit\/subject\/index\?subjectId=cs-yg-manager/)
  await shown(byId('credit-subject-basic'))
  const basic = await byId('credit-subject-basic').innerText()
  expect(basic).toContain('138****8001')
  expect(basic).toContain(ZHANG_ID_SHOWN)
  await byId('credit-records-row').first().waitFor()
  await expect(byId('credit-records-row').count()).resolves.toBe(4)
  await tab('bad').click()
  await byId('credit-record-penalty').first().waitFor()
  await expect(byId('credit-record-penalty').first().innerText()).resolves.toContain('公示截止')
  await page.goBack()

  await tab('company').click()
  await byId('credit-subject').first().click()
  await shown(byId('credit-subject-basic'))
  await expect(byId('credit-subject-basic').innerText()).resolves.toContain('91440300192176552K')
  await byId('credit-records-row').first().waitFor()
  await expect(byId('tab-good-count').innerText()).resolves.toMatch(/^\d+$/)
}, 60_000)

test('a handler without the modules is refused on each page, even from a direct link', async () => {
  for (const code of ['project', 'funds', 'transfers', 'credit']) {
    await openAs('demo-handler', `/pages/${code}/index`)
    const denied = byId('module-gate-denied')
    await denied.waitFor()
    await expect(denied.innerText()).resolves.toContain('未获得该模块的权限')
  }
  await openAs('demo-handler', '/pages/funds/account/index?accountId=fa-yg-income')
  await byId('module-gate-denied').waitFor()
}, 40_000)

test('a manager of two projects switches to one with nothing on record: every empty state', async () => {
  const zhou = await bindRegistered(cloud, 'zhou', 'o-e2e-zhou')
  await openAs(zhou, '/pages/project/index')
  await shown(byId('basic-card'))
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('阳光花园')
  await byId('project-switcher').click()
  await byId('project-option-p-cuihu').click()
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('翠湖雅苑')
  await byId('basic-card').getByText('SZGM2025003').waitFor()
  await expect(byId('basic-profile').innerText()).resolves.toContain('平台暂无')
  for (const key of Object.keys(PROJECT_TABS) as ProjectTab[]) {
    if (key === 'basic') continue
    await tab(key).click()
    const body = byId(`project-tab-${key}`)
    await body
      .locator('[data-testid="tab-empty"], [data-testid$="-empty"]')
      .first()
      .waitFor({ state: 'visible' })
  }
  for (const code of ['funds', 'transfers', 'credit']) {
    await openAs(zhou, `/pages/${code}/index`)
    await expect(byId('project-switcher-current').innerText()).resolves.toBe('翠湖雅苑')
    await page.locator('.empty-state:visible').first().waitFor()
  }
  await page.screenshot({ path: screenshotPath('credit-empty.png') })
}, 60_000)
