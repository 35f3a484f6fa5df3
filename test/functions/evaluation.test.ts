/**
 * 业主评价情况 through the real evaluation function: city-wide rankings of the three kinds, the
 * caller's own entry pinned with the page it is on (and found there), other quarters, and the
 * project's own figures by quarter, consistent with the rankings.
 */
import type { InputOf } from '../../types/contract'
import { expectError, expectOk, caller } from './helpers'
import {
  EvaluationContract,
  RANK_PAGE_SIZE,
  SATISFACTION_CATEGORIES,
  STATS_QUARTERS,
} from '../../types/evaluation'
import { fileCloud } from './setup'

const cloud = fileCloud()
const evaluation = caller(cloud, EvaluationContract, 'demo-manager')

type RankKind = InputOf<typeof EvaluationContract, 'rankings'>['kind']

async function rankings(kind: RankKind, page = 0, openid = 'demo-manager', period?: string) {
  return expectOk(
    await evaluation('rankings', { kind, page, ...(period ? { period } : {}) }, openid),
  )
}

describe('评价排名', () => {
  it('ranks the city’s projects best first, a page at a time', async () => {
    const first = await rankings('project')
    expect(first.total).toBeGreaterThan(150)
    expect(first.rows).toHaveLength(RANK_PAGE_SIZE)
    expect(first.more).toBe(true)
    expect(first.rows[0].rank).toBe(1)
    const scores = first.rows.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // Equal scores share a rank; the next rank skips (1, 2, 2, 4).
    for (let i = 1; i < first.rows.length; i++) {
      const [a, b] = [first.rows[i - 1], first.rows[i]]
      expect(b.rank).toBe(a.score === b.score ? a.rank : i + 1)
    }
    expect(first.periods[0]).toBe(first.period)
    expect(first.periods.length).toBe(STATS_QUARTERS)
  })

  it("pins the caller's own entry with its page, and that page holds it", async () => {
    for (const [kind, name] of [
      ['project', '阳光花园'],
      ['company', '深圳市安居物业管理有限公司'],
      ['committee', '阳光花园业主委员会'],
    ] as const) {
      const res = await rankings(kind)
      expect(res.mine?.row.name).toBe(name)
      expect(res.mine?.row.mine).toBe(true)
      const page = await rankings(kind, res.mine!.page)
      const there = page.rows.find((r) => r.mine)
      expect({ kind, found: there?._id }).toEqual({ kind, found: res.mine!.row._id })
      expect(page.rows.filter((r) => r.mine)).toHaveLength(1)
    }
    // 阳光花园 is not on the first page: the pin is what makes it findable.
    const projects = await rankings('project')
    expect(projects.mine!.page).toBeGreaterThan(0)
    expect(projects.rows.some((r) => r.mine)).toBe(false)
  })

  it("has no own entry where the caller's project is not ranked", async () => {
    const res = await rankings('committee', 0, 'demo-manager2')
    expect(res.mine).toBeNull()
    expect(res.rows.some((r) => r.mine)).toBe(false)
    const project = await rankings('project', 0, 'demo-manager2')
    expect(project.mine?.row.name).toBe('海滨广场')
  })

  it('shows an earlier quarter and refuses one not published', async () => {
    const latest = await rankings('project')
    const earlier = await rankings('project', 0, 'demo-manager', latest.periods[3])
    expect(earlier.period).toBe(latest.periods[3])
    expect(earlier.rows.map((r) => r.score)).not.toEqual(latest.rows.map((r) => r.score))
    expectError(await evaluation('rankings', { kind: 'project', period: '1999Q1' }), 'NOT_FOUND')
    expectError(await evaluation('rankings', { kind: 'project', period: '2026Q5' }), 'BAD_INPUT')
    expectError(await evaluation.raw({ action: 'rankings', kind: 'owner' }), 'BAD_INPUT')
  })
})

describe('评价统计', () => {
  it("gives the caller's project quarter by quarter, matching the rankings", async () => {
    const stats = expectOk(await evaluation('stats', {}))
    expect(stats.project).toEqual({ _id: 'p-yangguang', name: '阳光花园' })
    expect(stats.categories).toEqual([...SATISFACTION_CATEGORIES])
    expect(stats.quarters).toHaveLength(STATS_QUARTERS)
    const periods = stats.quarters.map((q: { period: string }) => q.period)
    expect(periods).toEqual([...periods].sort())
    for (const q of stats.quarters) {
      expect(q.score).toBeGreaterThan(0)
      expect(q.count).toBeGreaterThan(0)
      expect(Object.keys(q.satisfaction)).toEqual([...SATISFACTION_CATEGORIES])
    }
    const latest = stats.quarters[stats.quarters.length - 1]
    const ranking = await rankings('project')
    expect(latest.period).toBe(ranking.period)
    expect(latest.score).toBe(ranking.mine!.row.score)
    expect(latest.rank).toBe(ranking.mine!.row.rank)
    expect(latest.count).toBe(ranking.mine!.row.count)
  })

  it("is each project's own", async () => {
    const theirs = expectOk(await evaluation('stats', {}, 'demo-manager2'))
    expect(theirs.project.name).toBe('海滨广场')
    expectError(
      await evaluation('stats', { projectId: 'p-yangguang' }, 'demo-manager2'),
      'FORBIDDEN',
    )
  })
})
