/**
 * Text is never cut or broken inside a short label or a name, at the tester's 390 px: a label
 * (项目经理满意度得分) and a list's parts (附件 1) stay on one line; a company's name too long for
 * the room beside its label goes whole to the next line. Brackets in Chinese labels are full-width
 * (业主监事（会）), and every manager's contact line shows the project.
 */
import { type Locator } from 'playwright-core'
import { useApp } from '../support/app'

const app = useApp({ viewport: { width: 390, height: 844 } })
const { visible } = app

/** On how many lines `text` is laid out inside `scope` (the first occurrence). */
async function linesOf(scope: Locator, text: string): Promise<number> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + wanted.length)
      const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)))
      return tops.size
    }
    throw new Error(`「${wanted}」 is not shown`)
  }, text)
}

test('项目信息: a long label on one line, a company’s name whole', async () => {
  await app.openAs('demo-manager', '/pages/project/index')
  await app.shown(visible('basic-card'))
  await expect(linesOf(visible('basic-card'), '项目经理满意度得分')).resolves.toBe(1)

  await visible('tab-contracts').click()
  const contract = visible('contract-card').first()
  await contract.waitFor()
  await expect(linesOf(contract, '深圳市南山区阳光花园业主大会')).resolves.toBe(1)
})

test('信息公开: 附件 and its count on one line', async () => {
  await app.openAs('demo-manager', '/pages/disclosure/index')
  const rows = visible('notice-row')
  await app.shown(rows.first())
  for (const row of await rows.all()) {
    const text = await row.innerText()
    const m = /附件\s*(\d+)/.exec(text)
    if (m) await expect(linesOf(row, `附件 ${m[1]}`)).resolves.toBe(1)
  }
  expect((await rows.allInnerTexts()).some((t) => t.includes('附件'))).toBe(true)
})

test('信用信息: 业主监事（会） with full-width brackets', async () => {
  await app.openAs('demo-manager', '/pages/credit/index')
  await app.shown(visible('credit-types'))
  await expect(visible('tab-supervisor').innerText()).resolves.toBe('业主监事（会）')
})

test('权限管理: every manager’s line shows the project, 张建国 too', async () => {
  await app.openAs('demo-manager', '/pages/permissions/index')
  const contacts = visible('contacts')
  await app.shown(contacts.locator('[data-testid=contact-row]').first())
  const managers = contacts.locator('[data-testid=contact-row][data-kind=manager]')
  expect(await managers.count()).toBeGreaterThan(1)
  for (const text of await managers.allInnerTexts()) {
    expect(text).toContain('阳光花园')
    expect(text).not.toContain('项目经理')
  }
})
