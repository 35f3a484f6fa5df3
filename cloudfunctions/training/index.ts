/**
 * 观看宣传培训 (manual §14). Courses come from the operator; videos and covers from cloud storage
 * (temporary URLs). Progress is the server's count: each report may advance the watched mark only
 * by the time that passed (progress.ts), and a course is finished when the server has seen ≥ 90 %
 * of it — the client cannot declare it. A finished course is recorded for 企业人员培训结果
 * through the query module's server API (cloudfunctions/query/api.ts), which owns those records.
 */
import { ROLE_LABELS } from '../../types/display'
import { AppError } from '../../types/errors'
import {
  TrainingContract,
  percentOf,
  progressState,
  type Course,
  type CourseRow,
  type Progress,
} from '../../types/training'
import {
  _,
  cloud,
  db,
  defineFunction,
  first,
  insert,
  list,
  updateCount,
  type MemberCtx,
} from '../../server/kernel'
import { recordFinishedCourse, type Trainee } from '../query/api'
import { advance } from './progress'

interface Project {
  _id: string
  name: string
  company?: string
}

/** Reports racing each other (players of one person) retry this often before giving up. */
const MAX_ATTEMPTS = 8

const courses = () => db.collection('courses')
const progress = () => db.collection('course_progress')
const progressId = (accountId: string, courseId: string) => `${accountId}_${courseId}`

async function courseOf(courseId: string): Promise<Course> {
  const course = await first<Course>(courses().where({ _id: courseId }))
  if (!course) throw new AppError('NOT_FOUND', '课程不存在')
  return course
}

async function urls(fileIds: string[]): Promise<Record<string, string>> {
  if (fileIds.length === 0) return {}
  const res = (await cloud.getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge: 2 * 3600 })),
  })) as { fileList: { fileID: string; tempFileURL: string }[] }
  return Object.fromEntries(res.fileList.map((f) => [f.fileID, f.tempFileURL]))
}

/** The person as 企业人员培训结果 names them: the caller at their project and its company. */
async function traineeOf(ctx: MemberCtx): Promise<Trainee> {
  const project = await first<Project>(db.collection('projects').where({ _id: ctx.projectId }))
  return {
    name: ctx.caller.name,
    position: ROLE_LABELS[ctx.caller.role],
    projectId: ctx.projectId,
    projectName: project?.name ?? '',
    company: project?.company ?? '',
  }
}

export const main = defineFunction(TrainingContract, {
  async list(ctx) {
    const all = await list<Course>(courses().orderBy('order', 'asc').limit(200))
    const mine = all.length
      ? await list<Progress>(
          progress().where({ accountId: ctx.caller._id, courseId: _.in(all.map((c) => c._id)) }),
        )
      : []
    const covers = await urls(all.flatMap((c) => (c.coverFileId ? [c.coverFileId] : [])))
    return all.map((course): CourseRow => {
      const p = mine.find((x) => x.courseId === course._id)
      const percent = p ? percentOf(p.maxWatched, course.durationSec) : 0
      return {
        course,
        state: progressState(percent, !!p?.completedAt),
        percent: p?.completedAt ? Math.max(percent, 90) : percent,
        ...(course.coverFileId && covers[course.coverFileId]
          ? { coverUrl: covers[course.coverFileId] }
          : {}),
      }
    })
  },

  async play(ctx, { courseId }) {
    const course = await courseOf(courseId)
    const files = [course.videoFileId, ...(course.coverFileId ? [course.coverFileId] : [])]
    const [video, p] = await Promise.all([
      urls(files),
      first<Progress>(progress().where({ _id: progressId(ctx.caller._id, courseId) })),
    ])
    return {
      course,
      videoUrl: video[course.videoFileId] ?? '',
      ...(course.coverFileId && video[course.coverFileId]
        ? { posterUrl: video[course.coverFileId] }
        : {}),
      progress: {
        maxWatched: p?.maxWatched ?? 0,
        lastPosition: p?.lastPosition ?? 0,
        ...(p?.completedAt ? { completedAt: p.completedAt } : {}),
      },
    }
  },

  async report(ctx, { courseId, position }) {
    const course = await courseOf(courseId)
    const id = progressId(ctx.caller._id, courseId)
    // Two players of one person (two tabs, two phones) report at once: each write is conditional
    // on the version it was computed from, and a loser computes again from the winner's mark.
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const before = await first<Progress>(progress().where({ _id: id }))
      const next = advance(before, position, course.durationSec, ctx.now)
      const { clampedTo, ...stored } = next
      const written = before
        ? await updateCount(progress().where({ _id: id, version: before.version }), {
            ...stored,
            version: before.version + 1,
          })
        : await insert(progress(), {
            _id: id,
            accountId: ctx.caller._id,
            courseId,
            ...stored,
            version: 1,
          })
            .then(() => 1)
            .catch(() => 0)
      if (!written) continue
      if (next.completedAt) {
        // 企业人员培训结果 is the query module's: it records the course through its own door.
        const finished = { courseId: course._id, title: course.title, hours: course.hours }
        await recordFinishedCourse(ctx.caller._id, finished, next.completedAt, () => traineeOf(ctx))
      }
      return {
        maxWatched: next.maxWatched,
        percent: percentOf(next.maxWatched, course.durationSec),
        finished: next.completedAt !== undefined,
        ...(clampedTo !== undefined ? { clampedTo } : {}),
      }
    }
    throw new AppError('CONFLICT', '进度保存冲突，请稍后重试')
  },
})
