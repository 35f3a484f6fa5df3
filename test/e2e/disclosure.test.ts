/**
 * 信息公开 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. The demo handler publishes a notice with a PDF attachment (chosen in the browser's file
 * input, sent in parts, stored in the local cloud's storage) and opens it; voids it with a reason;
 * deletes another after confirming; the statistics follow each step and a tap on one filters the
 * list.
 */
import { request } from 'node:http'
import { chinaDay, type Notice, type NoticeStats } from '../../types/disclosure'
import type { Result } from '../../types/errors'
import { tinyPdf } from '../../server/seed/disclosure'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'
import { weekNotice } from '../support/notices'

const TITLE = '2026年11月电梯维保费用支出公示'

const app = useApp()
const { openAs, shown, visible } = app

async function showing(testId: string, text: string): Promise<void> {
  await app.page.locator(`[data-testid="${testId}"]:visible`, { hasText: text }).waitFor()
}

/** Opens the notice titled `title` from the list of 信息公开, as the demo handler. */
async function openNotice(title: string): Promise<void> {
  await openAs('demo-handler', '/pages/disclosure/index')
  const row = app.page.locator('[data-testid="notice-row"]:visible', { hasText: title })
  await shown(row)
  await row.click()
  await shown(visible('notice-detail'))
}

async function stats(): Promise<NoticeStats> {
  const reply = await app.cloud.call<Result<NoticeStats>>(
    'disclosure',
    { action: 'stats' },
    'demo-handler',
  )
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** The figures the statistics card shows. */
async function shownStats(): Promise<Record<string, number>> {
  await visible('disclosure-stats').waitFor()
  const out: Record<string, number> = {}
  for (const key of ['active', 'expired', 'voided', 'month']) {
    out[key] = Number(await visible(`stat-${key}-value`).innerText())
  }
  return out
}

function fetchBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve(Buffer.concat(chunks)))
    })
      .on('error', reject)
      .end()
  })
}

test('a notice is published with a PDF attachment, opened, and the statistics follow', async () => {
  const before = await stats()
  await openAs('demo-handler', '/pages/disclosure/index')
  await shown(visible('disclosure-stats'))
  expect(await shownStats()).toEqual({
    active: before.active,
    expired: before.expired,
    voided: before.voided,
    month: before.thisMonth,
  })
  await app.page.screenshot({ path: screenshotPath('disclosure-home.png') })

  await visible('open-publish').locator('.at-button').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/publish\/index/)
  const form = visible('publish-form')
  await shown(form)
  // 发布 with nothing filled: each rule's message under its field.
  await visible('publish-submit').locator('.at-button').click()
  await showing('field-category-error', '请选择公开类别')
  await showing('field-title-error', '请填写标题')

  await visible('category-财务收支').click()
  await visible('field-title').locator('input').fill(TITLE)
  // The whole box takes typing: the browser's textarea fills it, not three lines at its top.
  const outer = (await visible('field-content').locator('.dc-textarea').boundingBox())!
  const inner = (await visible('field-content').locator('textarea').boundingBox())!
  expect(inner.height).toBeGreaterThan(outer.height * 0.8)
  await visible('field-content')
    .locator('textarea')
    .fill(
      '11月电梯维保费用 12,800.00 元，由公共收益支付，明细见附件。\n如有疑问请联系物业服务中心。',
    )
  // A PDF of three parts (over 1 MB), chosen in the browser's file input.
  const pdf = Buffer.concat([tinyPdf('elevator'), Buffer.from(`%${'x'.repeat(1_100_000)}\n`)])
  const chooser = app.page.waitForEvent('filechooser')
  await visible('add-pdf').click()
  await (
    await chooser
  ).setFiles({ name: '电梯维保费用明细.pdf', mimeType: 'application/pdf', buffer: pdf })
  await app.page.locator('[data-testid="attachment"][data-state="done"]:visible').waitFor()
  await visible('publish-submit').locator('.at-button').click()
  await visible('confirm-ok').click()

  await app.page.waitForURL(/#\/pages\/disclosure\/detail\/index\?noticeId=/)
  await shown(visible('notice-detail'))
  await showing('detail-title', TITLE)
  await showing('detail-state', '公示中')
  const attachment = visible('notice-attachment')
  await expect(attachment.innerText()).resolves.toContain('电梯维保费用明细.pdf')
  const [notice] = await app.cloud.collection<Notice>('notices', { title: TITLE })
  expect(notice).toMatchObject({
    category: '财务收支',
    validFrom: chinaDay(Date.now()),
    publishedByName: '李晓华',
    attachments: [{ name: '电梯维保费用明细.pdf', kind: 'pdf', size: pdf.length }],
  })
  // 查看 opens the stored file (a new tab in the browser), byte for byte what was chosen.
  const popup = app.page.context().waitForEvent('page')
  await attachment.click()
  const tab = await popup
  expect((await fetchBytes(tab.url())).equals(pdf)).toBe(true)
  await tab.close()
  await app.page.screenshot({ path: screenshotPath('disclosure-detail.png') })

  const after = await stats()
  expect(after).toMatchObject({
    published: before.published + 1,
    active: before.active + 1,
    thisMonth: before.thisMonth + 1,
  })
}, 60_000)

test('it is voided with a reason: still listed, marked voided; the statistics follow', async () => {
  const before = await stats()
  await openNotice(TITLE)
  await visible('void-notice').locator('.at-button').click()
  // The reason's whole box takes typing, as the content's does.
  const outer = (await visible('reason-input').boundingBox())!
  const inner = (await visible('reason-input').locator('textarea').boundingBox())!
  expect(inner.height).toBeGreaterThan(outer.height * 0.75)
  await visible('reason-ok').click()
  await showing('reason-error', '请填写原因')
  await visible('reason-input').locator('textarea').fill('费用金额有更正，另行公示')
  await visible('reason-ok').click()
  await showing('detail-state', '已作废')
  await showing('detail-void-reason', '费用金额有更正，另行公示')
  // Voided: neither 作废 nor 删除 any more.
  expect(await visible('void-notice').count()).toBe(0)

  await app.page.goBack()
  const listed = app.page.locator('[data-testid="notice-row"]:visible', { hasText: TITLE })
  await app.page
    .locator('[data-testid="notice-row"][data-state="voided"]:visible', { hasText: TITLE })
    .waitFor()
  expect(await listed.count()).toBe(1)
  expect(await shownStats()).toMatchObject({
    active: before.active - 1,
    voided: before.voided + 1,
    month: before.thisMonth,
  })

  // A tap on 已作废 lists the voided ones only.
  await visible('stat-voided').click()
  await app.page.locator('[data-testid="tab-voided"][data-active="true"]:visible').waitFor()
  await app.page.locator('[data-testid="notice-row"]:visible', { hasText: TITLE }).waitFor()
  const states = await app.page
    .locator('[data-testid="notice-row"]:visible')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))
  expect(new Set(states)).toEqual(new Set(['voided']))
}, 60_000)

test('another is deleted after confirming: gone from the list and the statistics', async () => {
  const title = '误发：停车场临时封闭通知'
  const published = await app.cloud.call<Result<Notice>>(
    'disclosure',
    weekNotice(title, '地下停车场B区临时封闭。', 'e2e-disclosure-remove-1'),
    'demo-handler',
  )
  if (!published.ok) throw new Error(published.error.message)
  const before = await stats()

  await openNotice(title)
  await visible('remove-notice').locator('.at-button').click()
  await expect(visible('confirm-content').innerText()).resolves.toContain('操作记录保留')
  await visible('confirm-cancel').click()
  expect((await app.cloud.collection<Notice>('notices', { title }))[0].status).toBe('published')
  await visible('remove-notice').locator('.at-button').click()
  await visible('confirm-ok').click()

  // Back on the list: gone, and the figures say so.
  await app.page.waitForURL(/#\/pages\/disclosure\/index/)
  await visible('notice-list').waitFor()
  await app.page.locator('[data-testid="notice-row"]:visible', { hasText: title }).waitFor({
    state: 'detached',
  })
  expect(await shownStats()).toMatchObject({
    active: before.active - 1,
    month: before.thisMonth - 1,
    voided: before.voided,
  })
  const [kept] = await app.cloud.collection<{ label: string; detail: { title: string } }>(
    'audit_log',
    {
      targetId: published.data._id,
      action: 'remove',
    },
  )
  expect(kept).toMatchObject({ label: '删除信息公开', detail: { title } })
}, 60_000)
