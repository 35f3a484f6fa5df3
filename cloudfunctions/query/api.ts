/**
 * What the query module (信息综合查询) lets other modules do with its data, server side: the one
 * door to its collections (`filings`, `training_results`). Another module's function imports this
 * file (esbuild bundles it in), never the collections themselves, so a change to how 企业人员培训结果
 * are stored touches this module alone (test/unit/module-collections.test.ts holds every module
 * to its own collections).
 */
import type { TrainingCourseResult, TrainingResult } from '../../types/query'
import { _, db, first, insert, updateCount } from '../../server/kernel'

/** Who finished a course, as the training module knows them. */
export interface Trainee {
  name: string
  /** 岗位 as 企业人员培训结果 shows it (项目负责人 / 项目经办人). */
  position: string
  projectId: string
  projectName: string
  company: string
}

/** A finished course. */
export interface FinishedCourse {
  courseId: string
  title: string
  hours: number
}

const results = () => db.collection('training_results')

/**
 * Records a finished course of account `accountId` for 企业人员培训结果 (TrainingResult: one
 * document per person, `tr_<account>`, its courses listed), once: the course is added only if the
 * document does not list it yet, so a report after a crash between the two writes repairs it and a
 * second one adds nothing. `trainee` is asked for only when the person's first record is written.
 */
export async function recordFinishedCourse(
  accountId: string,
  course: FinishedCourse,
  completedAt: number,
  trainee: () => Promise<Trainee>,
  again = true,
): Promise<void> {
  const id = `tr_${accountId}`
  const day = new Date(completedAt + 8 * 3600_000).toISOString().slice(0, 10)
  const entry: TrainingCourseResult = {
    courseId: course.courseId,
    title: course.title,
    hours: course.hours,
    passed: true,
    finishedAt: day,
  }
  const added = await updateCount(
    results().where({ _id: id, 'courses.courseId': _.neq(course.courseId) }),
    {
      courses: _.push(entry),
      totalHours: _.inc(course.hours),
      endDate: day,
      updatedAt: completedAt,
    },
  )
  if (added || (await first<TrainingResult>(results().where({ _id: id })))) return
  const who = await trainee()
  const first_: TrainingResult = {
    _id: id,
    name: who.name,
    idNo: null,
    accountId,
    position: who.position,
    projectId: who.projectId,
    projectName: who.projectName,
    company: who.company,
    startDate: day,
    endDate: day,
    courses: [entry],
    totalHours: course.hours,
    result: 'passed',
    certificate: null,
    updatedAt: completedAt,
  }
  // Of two first records at once, one is inserted; the other adds its course to it.
  const inserted = await insert(results(), first_).then(
    () => true,
    () => false,
  )
  if (!inserted && again) await recordFinishedCourse(accountId, course, completedAt, trainee, false)
}
