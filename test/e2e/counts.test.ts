/**
 * Counts are shown with thousands separators (评价数 10,249), through the one formatter of
 * types/display.ts. Figures of the demo quarter are raised past a thousand in the platform's own
 * records (as an import would bring them), in a local cloud of this file's own.
 */
import type { Result } from '../../types/errors'
import type { RankingPage } from '../../types/evaluation'
import { connectSdk, SDK_ENV } from '../local-cloud/sdk'
import { useApp } from '../support/app'

const app = useApp({ cloud: { own: true, env: SDK_ENV } })
const { visible } = app

test('评价排名 and 评价统计 show 评价数 10249 as 10,249', async () => {
  const r = await app.cloud.call<Result<RankingPage>>(
    'evaluation',
    { action: 'rankings', kind: 'project' },
    'demo-manager',
  )
  if (!r.ok || !r.data.mine) throw new Error('the demo project is not ranked')
  const { period } = r.data
  const db = connectSdk(app.cloud.url).database()
  await db
    .collection('evaluation_rankings')
    .doc(r.data.mine.row._id)
    .update({ data: { count: 10249 } })
  await db
    .collection('evaluation_stats')
    .doc(`p-yangguang_${period}`)
    .update({ data: { count: 10249 } })
  await db
    .collection('evaluation_rankings')
    .doc(r.data.rows[0]._id)
    .update({ data: { count: 12345 } })
  await app.openAs('demo-manager', '/pages/evaluation/index')
  await app.shown(visible('rank-mine'))
  const mine = await visible('rank-mine').innerText()
  expect(mine).toContain('10,249')
  await expect(visible('rank-row').first().innerText()).resolves.toContain('12,345 份评价')

  await visible('tab-stats').click()
  const latest = visible('stats-row').last()
  await latest.waitFor()
  await expect(latest.innerText()).resolves.toContain('10,249')
  expect(await app.page.locator('.taro_page_show').innerText()).not.toMatch(/10249|12345/)
})
