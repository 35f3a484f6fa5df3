/**
 * A record that is not there for the caller — another project's, one deleted meanwhile, a wrong
 * link — cannot be fixed by another try: the page says what happened and offers the way back
 * (返回 to the page it came from, 返回首页 when it was opened directly), never 重试. A failure
 * that another try may fix still offers 重试 (weather.test.ts).
 */
import type { Notice } from '../../types/disclosure'
import type { TransferPage } from '../../types/transfers'
import { useApp } from '../support/app'
import { weekNotice } from '../support/notices'

const app = useApp()
const { visible, api: ok } = app

test('another project’s transfer, opened by link: what happened and 返回首页, no 重试', async () => {
  const theirs = await ok<TransferPage>('transfers', { action: 'list' }, 'demo-manager2')
  const transferId = theirs.rows[0]._id
  await app.openAs('demo-manager', `/pages/transfers/detail/index?transferId=${transferId}`)
  const block = visible('cloud-error')
  await app.shown(block)
  await expect(block.getAttribute('data-code')).resolves.toBe('NOT_FOUND')
  await expect(block.innerText()).resolves.toContain('转账记录不存在')
  await expect(visible('error-hint').innerText()).resolves.toContain('不属于当前项目')
  await expect(visible('retry').count()).resolves.toBe(0)
  const back = visible('error-back')
  await expect(back.innerText()).resolves.toBe('返回首页')

  await back.locator('.at-button').click()
  await app.shown(visible('module-grid'))
  await app.page.waitForURL(/#\/pages\/home\/index/)
})

test('a notice deleted after the list showed it: 返回 goes back to the list', async () => {
  const title = '将被他人删除的通知'
  const notice = await ok<Notice>(
    'disclosure',
    weekNotice(title, '这条通知将在打开前被删除。', 'e2e-not-found-notice-1'),
    'demo-handler',
  )
  await app.openAs('demo-manager', '/pages/disclosure/index')
  const row = app.page.locator('[data-testid="notice-row"]:visible', { hasText: title })
  await app.shown(row)

  // Someone else deletes it while the list is on screen.
  await ok(
    'disclosure',
    { action: 'remove', noticeId: notice._id, version: notice.version, confirm: true },
    'demo-handler',
  )
  await row.click()
  const block = visible('cloud-error')
  await app.shown(block)
  await expect(block.innerText()).resolves.toContain('该信息不存在或已删除')
  await expect(visible('retry').count()).resolves.toBe(0)
  await expect(visible('error-back').innerText()).resolves.toBe('返回')

  await visible('error-back').locator('.at-button').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/index/)
  await app.shown(visible('notice-list'))
})
