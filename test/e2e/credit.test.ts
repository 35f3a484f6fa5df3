/**
 * 信用信息 in the built H5 app (dist/h5) against the real local cloud, on a phone-sized screen: the
 * demo manager walks the six subject types (owners paged) and a subject's good and bad records,
 * personal numbers masked as every module shows them.
 */
import { ZHANG_ID_SHOWN } from '../support/pages'
import { useApp } from '../support/app'

const app = useApp()

const { byId, openAs, shown, loadAll, tab } = app

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
  await app.page.waitForURL(/#\/pages\/credit\/subject\/index\?subjectId=cs-yg-manager/)
  await shown(byId('credit-subject-basic'))
  const basic = await byId('credit-subject-basic').innerText()
  expect(basic).toContain('138****8001')
  expect(basic).toContain(ZHANG_ID_SHOWN)
  await byId('credit-records-row').first().waitFor()
  await expect(byId('credit-records-row').count()).resolves.toBe(4)
  await tab('bad').click()
  await byId('credit-record-penalty').first().waitFor()
  await expect(byId('credit-record-penalty').first().innerText()).resolves.toContain('公示截止')
  await app.page.goBack()

  await tab('company').click()
  await byId('credit-subject').first().click()
  await shown(byId('credit-subject-basic'))
  await expect(byId('credit-subject-basic').innerText()).resolves.toContain('91440300192176552K')
  await byId('credit-records-row').first().waitFor()
  await expect(byId('tab-good-count').innerText()).resolves.toMatch(/^\d+$/)
}, 60_000)
