/**
 * 项目信息 in the built H5 app (dist/h5) against the real local cloud, on a phone-sized screen: the
 * demo manager walks every tab and list (paging with 加载更多), the figures on screen are the
 * functions', personal numbers arrive masked; a handler without the four read-only modules is
 * refused; a manager of two projects (周文斌, bound through the binding function) switches to
 * 翠湖雅苑 and sees every empty state (funds, transfers and credit: their own files).
 */
import { formatFen } from '../../types/display'
import { PROJECT_TABS, type ProjectTab } from '../../types/project'
import { screenshotPath } from '../support/browser'
import { ZHANG_ID_SHOWN } from '../support/pages'
import { bindRegistered } from '../functions/registered'
import { useApp } from '../support/app'

const app = useApp()

const { byId, openAs, shown, api, loadAll, tab } = app

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
  await app.page.screenshot({ path: screenshotPath('project-info.png') })
}, 90_000)

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
  const zhou = await bindRegistered(app.cloud, 'zhou', 'o-e2e-zhou')
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
    await app.page.locator('.empty-state:visible').first().waitFor()
  }
  await app.page.screenshot({ path: screenshotPath('credit-empty.png') })
}, 60_000)
