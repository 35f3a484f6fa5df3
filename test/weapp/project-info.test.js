/**
 * 项目信息, 共有资金情况, 大额资金转账 and 信用信息 in the BUILT mini program (dist/weapp) under
 * miniprogram-simulate, talking to the real local cloud as the demo manager: each module's pages
 * are in its subpackage, the tabs switch, and what the functions send (masked, in fen) shows.
 */
const { until, text, subpackage } = require('./harness')
const { useWeapp } = require('./app')

const ME = 'demo-manager'

const app = useWeapp({ caller: ME })

test('each module’s pages are its subpackage', () => {
  const pagesOf = (root) => subpackage(root).pages
  expect(pagesOf('pages/project')).toEqual(['index'])
  expect(pagesOf('pages/funds')).toEqual(['index', 'account/index'])
  expect(pagesOf('pages/transfers')).toEqual(['index', 'detail/index'])
  expect(pagesOf('pages/credit')).toEqual(['index', 'subject/index'])
})

test('项目信息: 基础信息, then 从业人员 with phones masked', async () => {
  const page = await app.boot.openPage('pages/project/index')
  await until(() => text(page).includes('SZNS2019001'), 5000, '基础信息')
  expect(text(page)).toContain('粤海街道')
  const tabs = page.querySelectorAll('.tabs__item')
  expect(tabs.length).toBe(11)
  tabs[1].dispatchEvent('tap')
  await until(() => text(page).includes('138****8001'), 5000, '从业人员')
  expect(text(page)).not.toMatch(/1[3-9]\d{9}/)
})

test('共有资金情况 and an account’s movements, in yuan to the cent', async () => {
  const { data } = await app.cloud.call('funds', { action: 'accounts' }, ME)
  const yuan = (fen) =>
    `¥${String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`
  const list = await app.boot.openPage('pages/funds/index')
  await until(() => text(list).includes(yuan(data.total)), 5000, 'the total')
  expect(text(list)).toContain('**** **** **** 1234')
  const account = await app.boot.openPage('pages/funds/account/index', {
    accountId: 'fa-yg-income',
  })
  await until(() => text(account).includes('全部收支合计'), 5000, 'the movements')
  await until(() => text(account).includes(yuan(data.rows[0].totalIn)), 5000, 'the totals')
})

test('大额资金转账 and 信用信息 open with their records', async () => {
  const transfers = await app.boot.openPage('pages/transfers/index')
  await until(() => text(transfers).includes('转账金额合计'), 5000, 'transfers')
  await until(() => text(transfers).includes('收款单位'), 5000, 'a transfer')
  const subject = await app.boot.openPage('pages/credit/subject/index', {
    subjectId: 'cs-yg-manager',
  })
  await until(() => text(subject).includes('138****8001'), 5000, 'the manager')
  expect(text(subject)).toContain('良好信息')
})
