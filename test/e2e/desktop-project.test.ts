/**
 * 项目管理 (the header's 物业服务信息查询) on a computer at 1280×800: 从业人员, 电子投票, 设施设备 and
 * 维修金's 使用情况 are tables a page at a time, their cells what the project function answers,
 * amounts right-aligned; a credit subject's 良好 / 不良信息 too. At a phone's 390×844 the same
 * lists are today's cards and no table.
 */
import { cstDate, formatCount, formatFen } from '../../types/display'
import type { CreditRecord } from '../../types/credit'
import {
  FACILITY_STATUSES,
  MATTER_RESULTS,
  USE_STATUSES,
  type Facility,
  type MaintenanceUse,
  type StaffMember,
  type VoteSession,
} from '../../types/project'
import type { ListPage } from '../../src/components/PagedList'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

const app = useApp({ viewport: DESKTOP })
const { openAs, shown, visible, api } = app

/** A page of the project function's list `action`, as demo-manager's page asks for it. */
const project = <T>(action: string, page: number) => api<ListPage<T>>('project', { action, page })

/** The list `testId` drawn as a table. */
const table = (testId: string) => app.page.locator(`.paged-table[data-testid="${testId}"]:visible`)
const rowsOf = (testId: string) => app.page.locator(`[data-testid="${testId}-row"]:visible`)

/** The texts of column `key` of the table `testId`, top to bottom. */
async function column(testId: string, key: string): Promise<string[]> {
  const texts = await rowsOf(testId).locator(`[data-column="${key}"]`).allInnerTexts()
  return texts.map((t) => t.trim())
}

/** The table `testId`'s headers, without the sort arrows. */
async function headers(testId: string): Promise<string[]> {
  const texts = await visible(testId).locator('[role="columnheader"]').allInnerTexts()
  return texts.map((t) => t.replace(/[↑↓↕]/g, '').trim())
}

/** Opens tab `key` and waits for its list `testId` (loaded by the function's `action`) as a table. */
async function openTab(key: string, action: string, testId: string): Promise<void> {
  await app.answered('project', action, () => visible(`tab-${key}`).click())
  await shown(table(testId))
  await rowsOf(testId).first().waitFor()
}

/** How many lines the text of the first row's `key` cell takes. */
async function lines(testId: string, key: string): Promise<number> {
  const cell = rowsOf(testId).first().locator(`[data-column="${key}"]`)
  return cell.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
  })
}

async function textAlign(testId: string, key: string): Promise<string> {
  const cell = rowsOf(testId).first().locator(`[data-column="${key}"]`)
  return cell.evaluate((el) => getComputedStyle(el).textAlign)
}

test('项目管理 at 1280×800: each list is a table of the function’s rows, a page at a time; 390×844 keeps the cards', async () => {
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-manager', '/pages/project/index')
  await shown(visible('basic-card'))

  // 从业人员: 34 people, two pages; ID numbers and phones as the function masked them.
  const [staff, staff2] = [
    await project<StaffMember>('staff', 0),
    await project<StaffMember>('staff', 1),
  ]
  expect(staff.more).toBe(true)
  await openTab('staff', 'staff', 'staff-list')
  expect(await headers('staff-list')).toEqual([
    '姓名',
    '岗位',
    '证书',
    '身份证号码',
    '电话',
    '入职日期',
  ])
  expect(await column('staff-list', 'name')).toEqual(staff.rows.map((s) => s.name))
  expect(await column('staff-list', 'post')).toEqual(staff.rows.map((s) => s.post))
  expect(await column('staff-list', 'idNo')).toEqual(staff.rows.map((s) => s.idNo || '未登记'))
  expect(await column('staff-list', 'phone')).toEqual(staff.rows.map((s) => s.phone))
  expect(await column('staff-list', 'startDate')).toEqual(staff.rows.map((s) => s.startDate))
  // More than a page: no header offers to sort the 20 on screen as if they were all.
  await expect(
    visible('staff-list').locator('[data-testid^="staff-list-sort-"]').count(),
  ).resolves.toBe(0)
  await app.answered('project', 'staff', () => visible('staff-list-next').click())
  await expect(visible('staff-list-page').innerText()).resolves.toBe('第 2 页')
  expect(await column('staff-list', 'name')).toEqual(staff2.rows.map((s) => s.name))

  // 电子投票: a session a line, each matter with its result and shares.
  const votes = await project<VoteSession>('votes', 0)
  await openTab('voting', 'votes', 'votes-list')
  expect(await headers('votes-list')).toEqual([
    '投票主题',
    '投票时间',
    '参与人数',
    '参与户数',
    '表决事项（同意人数 / 面积占比）',
  ])
  expect(await column('votes-list', 'title')).toEqual(votes.rows.map((v) => v.title))
  expect(await column('votes-list', 'period')).toEqual(
    votes.rows.map((v) => `${cstDate(v.startAt)} 至 ${cstDate(v.endAt)}`),
  )
  expect(await column('votes-list', 'participants')).toEqual(
    votes.rows.map((v) => formatCount(v.participants)),
  )
  expect(await column('votes-list', 'matters')).toEqual(
    votes.rows.map((v) =>
      v.matters
        .map(
          (m) =>
            `${m.title}：${MATTER_RESULTS[m.result]}（${m.agreePeople.toFixed(1)}% / ${m.agreeArea.toFixed(1)}%）`,
        )
        .join('\n'),
    ),
  )
  await expect(textAlign('votes-list', 'participants')).resolves.toBe('right')
  await expect(lines('votes-list', 'period')).resolves.toBe(1)
  await app.page.screenshot({ path: screenshotPath('desktop-project-votes.png'), fullPage: true })

  // 设施设备: all kinds, in 设备编号 order.
  const facilities = await project<Facility>('facilities', 0)
  await openTab('facilities', 'facilities', 'facilities-list')
  expect(await headers('facilities-list')).toEqual([
    '设备编号',
    '设备名称',
    '类别',
    '安装位置',
    '状态',
    '最近维保',
    '维保单位',
  ])
  expect(await column('facilities-list', 'code')).toEqual(facilities.rows.map((f) => f.code))
  expect(await column('facilities-list', 'name')).toEqual(facilities.rows.map((f) => f.name))
  expect(await column('facilities-list', 'status')).toEqual(
    facilities.rows.map((f) => FACILITY_STATUSES[f.status]),
  )
  expect(await column('facilities-list', 'maintainer')).toEqual(
    facilities.rows.map((f) => f.maintainer),
  )

  // 维修金信息 › 使用情况: 金额 to the cent, right-aligned.
  const uses = await project<MaintenanceUse>('fundUses', 0)
  await openTab('fund', 'fundUses', 'fund-uses')
  expect(await headers('fund-uses')).toEqual([
    '维修项目',
    '申请日期',
    '施工单位',
    '表决情况',
    '状态',
    '金额',
  ])
  expect(await column('fund-uses', 'item')).toEqual(uses.rows.map((u) => u.item))
  expect(await column('fund-uses', 'contractor')).toEqual(uses.rows.map((u) => u.contractor))
  expect(await column('fund-uses', 'status')).toEqual(uses.rows.map((u) => USE_STATUSES[u.status]))
  expect(await column('fund-uses', 'amount')).toEqual(uses.rows.map((u) => formatFen(u.amount)))
  await expect(textAlign('fund-uses', 'amount')).resolves.toBe('right')
  // An amount stays on one line.
  await expect(lines('fund-uses', 'amount')).resolves.toBe(1)
  await app.page.screenshot({ path: screenshotPath('desktop-project.png'), fullPage: true })

  // A phone: the same lists are cards, no table.
  await app.page.setViewportSize(PHONE)
  const cards = async (key: string, testId: string, first: number) => {
    if (key !== 'fund') await visible(`tab-${key}`).click()
    await rowsOf(testId).first().waitFor()
    await expect(app.page.locator('.paged-table:visible').count()).resolves.toBe(0)
    // A page at least (the phone may load the next one should the list reach the screen's end).
    await rowsOf(testId)
      .nth(first - 1)
      .waitFor()
    await expect(rowsOf(testId).locator('.kit-list-row').count()).resolves.toBeGreaterThanOrEqual(
      first,
    )
  }
  await cards('fund', 'fund-uses', uses.rows.length)
  await cards('staff', 'staff-list', staff.rows.length)
  await cards('voting', 'votes-list', votes.rows.length)
  await cards('facilities', 'facilities-list', facilities.rows.length)
  await app.page.setViewportSize(DESKTOP)
}, 120_000)

test('a credit subject’s 良好 and 不良信息 are tables at 1280×800, 不良 with 处理措施 and 公示截止', async () => {
  await app.page.setViewportSize(DESKTOP)
  const subjectId = 'cs-yg-manager'
  const records = async (kind: 'good' | 'bad') =>
    api<ListPage<CreditRecord>>('credit', { action: 'records', subjectId, kind, page: 0 })
  const [good, bad] = [await records('good'), await records('bad')]
  expect(good.rows.length).toBeGreaterThan(0)
  expect(bad.rows.length).toBeGreaterThan(0)

  await openAs('demo-manager', `/pages/credit/subject/index?subjectId=${subjectId}`)
  await shown(visible('credit-subject-basic'))
  await rowsOf('credit-records').first().waitFor()
  await shown(table('credit-records'))
  expect(await headers('credit-records')).toEqual(['事项', '事实', '认定日期', '认定部门', '文号'])
  expect(await column('credit-records', 'title')).toEqual(good.rows.map((r) => r.title))
  expect(await column('credit-records', 'date')).toEqual(good.rows.map((r) => r.date))

  await app.answered('credit', 'records', () => visible('tab-bad').click())
  await rowsOf('credit-records').first().waitFor()
  expect(await headers('credit-records')).toEqual([
    '事项',
    '事实',
    '认定日期',
    '认定部门',
    '文号',
    '处理措施',
    '公示截止',
  ])
  expect(await column('credit-records', 'title')).toEqual(bad.rows.map((r) => r.title))
  expect(await column('credit-records', 'penalty')).toEqual(bad.rows.map((r) => r.penalty))
  expect(await column('credit-records', 'showUntil')).toEqual(bad.rows.map((r) => r.showUntil))

  await app.page.setViewportSize(PHONE)
  await app.page.locator('[data-testid="credit-record-penalty"]:visible').first().waitFor()
  await expect(app.page.locator('.paged-table:visible').count()).resolves.toBe(0)
  await expect(rowsOf('credit-records').count()).resolves.toBe(bad.rows.length)
  await app.page.setViewportSize(DESKTOP)
}, 90_000)
