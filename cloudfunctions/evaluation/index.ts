/**
 * 业主评价情况 (manual §10): rankings are city-wide (any member holding the module reads them);
 * the caller's own entry is the one standing for the project it acts for (its project, the
 * company serving it, its owners' committee), pinned with the page it is on. Statistics are the
 * caller's own project's only.
 */
import {
  EvaluationContract,
  RANK_PAGE_SIZE,
  SATISFACTION_CATEGORIES,
  STATS_QUARTERS,
  type EvaluationPeriod,
  type QuarterStat,
  type RankingEntry,
  type RankRow,
} from '../../types/evaluation'
import { AppError } from '../../types/errors'
import { _, db, defineFunction, first, list } from '../../server/kernel'

function rankRow(entry: RankingEntry, projectId: string): RankRow {
  const { projectIds, ...row } = entry
  return { ...row, mine: projectIds.includes(projectId) }
}

async function count(where: object): Promise<number> {
  const res = (await db.collection('evaluation_rankings').where(where).count()) as {
    total: number
  }
  return res.total
}

export const main = defineFunction(EvaluationContract, {
  async rankings(ctx, { kind, period: asked, page }) {
    const periods = (
      await list<EvaluationPeriod>(
        db.collection('evaluation_periods').orderBy('_id', 'desc').limit(40).field({ _id: true }),
      )
    ).map((p) => p._id)
    const period = asked ?? periods[0]
    if (!period || !periods.includes(period)) {
      throw new AppError('NOT_FOUND', asked ? '该季度的评价尚未公布' : '评价排名尚未公布')
    }
    const where = { period, kind }
    const [entries, total, own] = await Promise.all([
      list<RankingEntry>(
        db
          .collection('evaluation_rankings')
          .where(where)
          .orderBy('rank', 'asc')
          .orderBy('name', 'asc')
          .skip(page * RANK_PAGE_SIZE)
          .limit(RANK_PAGE_SIZE),
      ),
      count(where),
      first<RankingEntry>(
        db.collection('evaluation_rankings').where({ ...where, projectIds: ctx.projectId }),
      ),
    ])
    let mine: { row: RankRow; page: number } | null = null
    if (own) {
      // Its place in the list's order (rank, then name): those ranked better, then its ties first.
      const [better, tiedBefore] = await Promise.all([
        count({ ...where, rank: _.lt(own.rank) }),
        count({ ...where, rank: own.rank, name: _.lt(own.name) }),
      ])
      mine = {
        row: rankRow(own, ctx.projectId),
        page: Math.floor((better + tiedBefore) / RANK_PAGE_SIZE),
      }
    }
    return {
      period,
      periods,
      rows: entries.map((e) => rankRow(e, ctx.projectId)),
      total,
      more: (page + 1) * RANK_PAGE_SIZE < total,
      mine,
    }
  },

  async stats(ctx) {
    const [project, recent] = await Promise.all([
      first<{ _id: string; name: string }>(
        db.collection('projects').where({ _id: ctx.projectId }).field({ name: true }),
      ),
      list<QuarterStat>(
        db
          .collection('evaluation_stats')
          .where({ projectId: ctx.projectId })
          .orderBy('period', 'desc')
          .limit(STATS_QUARTERS),
      ),
    ])
    if (!project) throw new AppError('NOT_FOUND', '项目不存在')
    return {
      project: { _id: project._id, name: project.name },
      categories: SATISFACTION_CATEGORIES,
      quarters: recent.reverse().map(({ _id: _i, projectId: _p, ...q }) => q),
    }
  },
})
