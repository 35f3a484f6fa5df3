/**
 * scripts/import-platform.ts: the platform's export (yuan, CST times) becomes the documents the
 * read-mostly functions read — fen to the cent, balances and month summaries computed from the
 * movements, never taken from the file — and a malformed file is refused whole, naming fields.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importText } from '../../scripts/import-platform'
import type { FundAccount, FundMonth, FundMovement } from '../../types/funds'
import type { MaintenanceFund, ProjectProfile, ServiceContract } from '../../types/project'

const example = readFileSync(
  join(__dirname, '..', '..', 'docs', 'platform-export.example.json'),
  'utf8',
)
const { docs, warnings } = importText(example)

it('converts yuan to fen exactly and computes balances, movements and month summaries', () => {
  expect(warnings).toEqual([])
  const [account] = docs.fund_accounts as FundAccount[]
  const movements = docs.fund_movements as FundMovement[]
  expect(movements.map((m) => m.amount)).toEqual([1_286_050, 1_320_430, 235_000])
  expect(movements.map((m) => m.balanceAfter)).toEqual([1_286_050, 2_606_480, 2_371_480])
  expect(movements.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-10'])
  expect(account).toMatchObject({
    accountNo: '4100000040001234567',
    opening: 0,
    balance: 2_371_480,
    totalIn: 2_606_480,
    totalOut: 235_000,
    countIn: 2,
    countOut: 1,
    updatedAt: Date.parse('2026-10-21T11:05:00+08:00'),
  })
  expect(docs.fund_months as FundMonth[]).toEqual([
    expect.objectContaining({ month: '2026-09', in: 1_286_050, out: 0, countIn: 1, countOut: 0 }),
    expect.objectContaining({
      month: '2026-10',
      in: 1_320_430,
      out: 235_000,
      countIn: 1,
      countOut: 1,
    }),
  ])
})

it('derives the profile’s totals and the maintenance fund’s balance', () => {
  const [profile] = docs.project_profiles as ProjectProfile[]
  expect(profile).toMatchObject({ _id: 'p-cuihu', buildings: 3, households: 692 })
  expect(profile.owners).toMatchObject({ households: 692, owners: 698, bound: 255 })
  const [fund] = docs.maintenance_funds as MaintenanceFund[]
  expect(fund).toMatchObject({ collected: 1_651_624_480, interest: 12_638_015, used: 0 })
  expect(fund.balance).toBe(1_651_624_480 + 12_638_015)
  const [contract] = docs.service_contracts as ServiceContract[]
  expect(contract.fees.map((f) => f.fen)).toEqual([320, 8000])
})

it('refuses a malformed file whole, naming every bad field', () => {
  const bad = JSON.parse(example)
  bad.accounts[0].movements[1].amount = '13,204.305'
  bad.accounts[0].movements[2].at = 'yesterday'
  bad.creditRecords.push({ ...bad.creditRecords[0], _id: 'cr-x', kind: 'bad' })
  let message = ''
  try {
    importText(JSON.stringify(bad), 'bad.json')
  } catch (err) {
    message = (err as Error).message
  }
  expect(message).toContain('bad.json 有 3 处错误')
  expect(message).toContain('accounts.0.movements.1.amount: 金额应为元，最多两位小数')
  expect(message).toContain('accounts.0.movements.2.at')
  expect(message).toContain('creditRecords.1.showUntil: 不良信息须有处理措施和公示截止日期')

  const orphan = JSON.parse(example)
  orphan.creditRecords[0].subjectId = 'cs-nobody'
  expect(() => importText(JSON.stringify(orphan))).toThrow('主体 cs-nobody 不在导出文件中')
})

it('names an impossible date like any bad field (no RangeError from the date check)', () => {
  const bad = JSON.parse(example)
  bad.creditRecords[0].date = '2026-13-01'
  expect(() => importText(JSON.stringify(bad), 'bad.json')).toThrow(
    'creditRecords.0.date: 日期应为 YYYY-MM-DD',
  )
})
