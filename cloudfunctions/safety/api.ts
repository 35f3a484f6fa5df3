/**
 * What the safety module (安全检查) tells other modules, server side: the one door to its
 * collections (`safety_checks`, `safety_submissions`, `uploads`). Another module's function
 * imports this file (esbuild bundles it in), never the collections themselves, so a change to how
 * checks and submissions are stored touches this module alone (test/unit/module-collections.test.ts
 * holds every module to its own collections). The safety function uses the same rules.
 */
import type { CheckRow, SafetyCheck, SafetySubmission } from '../../types/safety'
import { db, list } from '../../server/kernel'

/** What decides whether a check concerns a project. */
export interface ScopedProject {
  _id: string
  district: string
}

export function inScope(check: SafetyCheck, project: ScopedProject): boolean {
  const { districts, projectIds } = check.scope
  return !!(projectIds?.includes(project._id) || districts?.includes(project.district))
}

export function itemIds(check: SafetyCheck): string[] {
  return check.categories.flatMap((c) => c.items.map((i) => i._id))
}

/** The check's items the submission answers. */
export function answeredCount(check: SafetyCheck, sub: SafetySubmission | null): number {
  return sub ? itemIds(check).filter((id) => sub.answers[id]).length : 0
}

/** A check as a list shows it: without its items, with the project's status, count and score. */
export function checkRow(check: SafetyCheck, sub: SafetySubmission | null): CheckRow {
  const { categories: _items, ...rest } = check
  return {
    check: rest,
    status: sub?.status ?? 'unfilled',
    answered: answeredCount(check, sub),
    ...(sub?.score !== undefined ? { score: sub.score } : {}),
  }
}

/**
 * Every check published for `project` and started by `at` (ongoing and ended), the latest end
 * first, each with the project's submission: 项目信息 › 安全检查.
 */
export async function checksOfProject(project: ScopedProject, at: number): Promise<CheckRow[]> {
  const [published, subs] = await Promise.all([
    // The operator publishes a few checks a year: scope is checked here.
    list<SafetyCheck>(
      db.collection('safety_checks').where({}).orderBy('endAt', 'desc').limit(1000),
    ),
    list<SafetySubmission>(
      db.collection('safety_submissions').where({ projectId: project._id }).limit(1000),
    ),
  ])
  return published
    .filter((c) => inScope(c, project) && c.startAt <= at)
    .map((c) => checkRow(c, subs.find((s) => s.checkId === c._id) ?? null))
}
