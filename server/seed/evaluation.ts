import {
  SATISFACTION_CATEGORIES,
  STATS_QUARTERS,
  type EvaluationPeriod,
  type QuarterStat,
  type RankingEntry,
  type RankKind,
  type SatisfactionCategory,
} from '../../types/evaluation'
import { cityProjects, COMPANIES, rng, type CityProject } from './query'

/**
 * Demo data of 业主评价情况: eight published quarters of owners' evaluations of the city's
 * projects (server/seed/query.ts), ranked city-wide for projects, companies (their projects'
 * evaluations together) and owners' committees. 阳光花园 sits mid-table; 海滨广场 has no
 * committee, so its committee tab shows none of its own.
 */
const DAY = 86_400_000

/** The last `n` quarters before the one `now` is in (China Standard Time), oldest first. */
export function pastQuarters(now: number, n: number): string[] {
  const d = new Date(now + 8 * 3600_000)
  let year = d.getUTCFullYear()
  let q = Math.floor(d.getUTCMonth() / 3) + 1
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    q -= 1
    if (q === 0) {
      q = 4
      year -= 1
    }
    out.unshift(`${year}Q${q}`)
  }
  return out
}

const round1 = (x: number) => Math.round(x * 10) / 10
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** Standard competition ranks (1, 2, 2, 4) by score, best first; ties ordered by name. */
function ranked<T extends { score: number; name: string }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  let rank = 0
  return sorted.map((item, i) => {
    if (i === 0 || item.score !== sorted[i - 1].score) rank = i + 1
    return { ...item, rank }
  })
}

/** A project's figures per quarter: a level of its own, a drift, and noise. */
function projectSeries(p: CityProject, periods: string[], random: () => number) {
  const demo: Record<string, [number, number]> = {
    'p-yangguang': [84.5, 0.5],
    'p-haibin': [88, -0.2],
  }
  const [level, drift] = demo[p._id] ?? [70 + random() * 26, (random() - 0.5) * 1.2]
  const households = 200 + Math.floor(random() * 1800)
  return periods.map((period, i) => {
    const score = round1(clamp(level + drift * i + (random() - 0.5) * 3, 55, 99.5))
    const satisfaction = Object.fromEntries(
      SATISFACTION_CATEGORIES.map((c) => [
        c,
        round1(clamp(score + (random() - 0.5) * 10, 40, 100)),
      ]),
    ) as Record<SatisfactionCategory, number>
    const count = Math.floor(households * (0.08 + random() * 0.22))
    return { period, score, count, satisfaction }
  })
}

export function evaluationSeed(now: number) {
  const projects = cityProjects(now)
  const periods = pastQuarters(now, STATS_QUARTERS)
  const random = rng(31)
  const series = new Map(projects.map((p) => [p._id, projectSeries(p, periods, random)]))
  const committeeLevel = new Map(
    projects.filter((p) => p.committee).map((p) => [p._id, 65 + random() * 30]),
  )

  const rankings: RankingEntry[] = []
  const stats: QuarterStat[] = []
  const published: EvaluationPeriod[] = []
  periods.forEach((period, i) => {
    /** One ranked subject: `subject` keeps its id the same from quarter to quarter. */
    type Scored = Omit<RankingEntry, '_id' | 'period' | 'kind' | 'rank'> & { subject: string }
    const publish = (kind: RankKind, rows: Scored[]) => {
      const out = ranked(rows)
      for (const { subject, ...r } of out) {
        rankings.push({ _id: `ev-${period}-${kind}-${subject}`, period, kind, ...r })
      }
      return out
    }
    const figures = (p: CityProject) => series.get(p._id)![i]

    const projectRows = publish(
      'project',
      projects.map((p) => ({
        subject: p._id,
        name: p.name,
        district: p.district,
        score: figures(p).score,
        count: figures(p).count,
        projectIds: [p._id],
      })),
    )

    const companies = new Map<string, CityProject[]>()
    for (const p of projects) companies.set(p.company, [...(companies.get(p.company) ?? []), p])
    const companyRows = publish(
      'company',
      [...companies].map(([name, served]) => {
        const count = served.reduce((s, p) => s + figures(p).count, 0)
        const score = round1(
          served.reduce((s, p) => s + figures(p).score * figures(p).count, 0) / count,
        )
        const subject = `co${COMPANIES.indexOf(name as (typeof COMPANIES)[number])}`
        return {
          subject,
          name,
          district: '深圳市',
          score,
          count,
          projectIds: served.map((p) => p._id),
        }
      }),
    )

    const committeeRows = publish(
      'committee',
      projects
        .filter((p) => p.committee)
        .map((p) => ({
          subject: p._id,
          name: `${p.name}业主委员会`,
          district: p.district,
          score: round1(clamp(committeeLevel.get(p._id)! + (random() - 0.5) * 4, 50, 99.5)),
          count: Math.max(12, Math.floor(figures(p).count * 0.6)),
          projectIds: [p._id],
        })),
    )

    const rankOf = new Map(projectRows.map((r) => [r.projectIds[0], r.rank]))
    for (const p of projects) {
      stats.push({
        _id: `${p._id}_${period}`,
        projectId: p._id,
        ...series.get(p._id)![i],
        rank: rankOf.get(p._id) ?? null,
        ranked: projectRows.length,
      })
    }
    // Published a fortnight after the quarter ends.
    published.push({
      _id: period,
      publishedAt: now - (periods.length - i) * 91 * DAY + 14 * DAY,
      counts: {
        project: projectRows.length,
        company: companyRows.length,
        committee: committeeRows.length,
      },
    })
  })
  return {
    docs: {
      evaluation_periods: published,
      evaluation_rankings: rankings,
      evaluation_stats: stats,
    },
  }
}
