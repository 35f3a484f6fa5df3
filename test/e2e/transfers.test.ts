/**
 * 大额资金转账 in the built H5 app (dist/h5) against the real local cloud, on a phone-sized screen:
 * the demo manager filters by date and amount (totals to the cent, as the function counts them)
 * and opens a transfer's details, the payee's account masked.
 */
import { formatFen } from '../../types/display'
import type { TransferPage } from '../../types/transfers'
import { useApp } from '../support/app'

const app = useApp()

const { byId, openAs, shown, api, loadAll } = app

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
  await app.page.waitForURL(/#\/pages\/transfers\/detail\/index\?transferId=/)
  await shown(byId('transfer-detail'))
  await expect(byId('transfer-detail-amount').innerText()).resolves.toBe(
    formatFen(year.rows[0].amount),
  )
  await expect(byId('transfer-detail').innerText()).resolves.toMatch(/\*{4} \*{4} \*{4} \d{4}/)
  await expect(byId('transfer-approval').innerText()).resolves.toMatch(/业主大会|业主委员会/)
  await expect(byId('transfer-publicity').innerText()).resolves.toContain('至')
}, 60_000)
