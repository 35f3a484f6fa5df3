import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId, QUARTER_RE, quarterField } from './fields'

/**
 * 业主评价情况 (manual §10). The operator publishes, each quarter, the owners' evaluations of the
 * city's property projects: 评价排名 ranks projects, property companies and owners' committees
 * city-wide; 评价统计 shows one project's figures quarter by quarter (score, number of
 * evaluations, satisfaction by category) as a chart and the table behind it.
 */
export const RANK_KINDS = {
  project: '物业项目',
  company: '物业企业',
  committee: '业委会',
} as const
export type RankKind = keyof typeof RANK_KINDS

/** The categories owners rate (satisfaction, % of 满意 + 基本满意). */
export const SATISFACTION_CATEGORIES = [
  '客户服务',
  '秩序维护',
  '环境卫生',
  '绿化养护',
  '设施设备',
  '房屋维修',
] as const
export type SatisfactionCategory = (typeof SATISFACTION_CATEGORIES)[number]

/** A quarter: 2026Q3. */
export const PERIOD_RE = QUARTER_RE
export function periodLabel(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period)
  return m ? `${m[1]}年第${m[2]}季度` : period
}

/** A published quarter, in collection `evaluation_periods` (`_id` = 2026Q3). */
export interface EvaluationPeriod {
  _id: string
  publishedAt: number
  /** How many were ranked of each kind. */
  counts: Record<RankKind, number>
}

/** One ranked subject in one quarter, in collection `evaluation_rankings`. */
export interface RankingEntry {
  _id: string
  period: string
  kind: RankKind
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). */
  rank: number
  name: string
  district: string
  score: number
  /** Evaluations counted. */
  count: number
  /** The projects the entry stands for: the project, the company's projects, the committee's. */
  projectIds: string[]
}

/** One project's figures in one quarter, in collection `evaluation_stats` (`_id` = project_period). */
export interface QuarterStat {
  _id: string
  projectId: string
  period: string
  /** 综合得分, 0–100. */
  score: number
  /** Number of evaluations (owners who answered). */
  count: number
  satisfaction: Record<SatisfactionCategory, number>
  /** The project's city-wide rank among projects that quarter, when ranked. */
  rank?: number | null
  ranked?: number | null
}

export type RankRow = Omit<RankingEntry, 'projectIds'> & {
  /** The caller's own project, company or committee. */
  mine: boolean
}

export const RANK_PAGE_SIZE = 20

export interface RankingPage {
  period: string
  /** Published quarters, newest first (for choosing another). */
  periods: string[]
  rows: RankRow[]
  total: number
  more: boolean
  /** The caller's own entry and the page it is on (null when it is not ranked). */
  mine: { row: RankRow; page: number } | null
}

export interface StatsAnswer {
  project: { _id: string; name: string }
  categories: readonly SatisfactionCategory[]
  /** Oldest first: the chart's x axis. */
  quarters: Omit<QuarterStat, '_id' | 'projectId'>[]
}

export const STATS_QUARTERS = 8

export const EvaluationInput = {
  rankings: z
    .object({
      projectId: docId.optional(),
      kind: z.enum(['project', 'company', 'committee'], { message: '排名类型无效' }),
      /** Omitted: the latest published quarter. */
      period: quarterField('季度').optional(),
      page: z.number().int().min(0).max(1000).default(0),
    })
    .strict(),
  stats: z.object({ projectId: docId.optional() }).strict(),
}

const read = actionsFor(member('evaluation'))

export const EvaluationContract = defineContract('evaluation', {
  /** 评价排名: a page of one kind's city-wide ranking, with the caller's own entry pinned. */
  rankings: read(EvaluationInput.rankings, returns<RankingPage>()),
  /** 评价统计: the caller's project, quarter by quarter. */
  stats: read(EvaluationInput.stats, returns<StatsAnswer>()),
})

export const EVALUATION_COLLECTIONS = {
  evaluation_periods: [],
  evaluation_rankings: [
    index({ period: 1, kind: 1, rank: 1, name: 1 }),
    index({ projectIds: 1, period: 1 }),
  ],
  evaluation_stats: [index({ projectId: 1, period: -1 })],
} as const
