/**
 * 共有资金情况 in the built H5 app (dist/h5) against the real local cloud, on a phone-sized screen:
 * the demo manager's accounts, then an account's movements by month and direction, the figures on
 * screen the function's to the cent.
 */
import { formatFen } from '../../types/display'
import type { AccountsReply, MovementPage } from '../../types/funds'
import { useApp } from '../support/app'

const app = useApp()

const { byId, openAs, shown, api, loadAll } = app

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
  await app.page.waitForURL(/#\/pages\/funds\/account\/index\?accountId=fa-yg-income/)
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
