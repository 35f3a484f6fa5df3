import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TrainingResult } from '../../types/query'
import type { Course, Progress } from '../../types/training'

/**
 * Courses the operator published (宣传培训课程) with small real videos (H.264, a few dozen KB each,
 * in assets/) served from the local cloud's storage, and the demo handler's progress: one course
 * finished, one half watched, one not started.
 */
const DAY = 86_400_000
const fileId = (path: string) => `cloud://local-env.local-cloud/${path}`

const COURSES: Omit<Course, 'videoFileId' | 'coverFileId' | 'dueAt'>[] = [
  {
    _id: 'c-regulation',
    order: 1,
    title: '《深圳经济特区物业管理条例》要点解读',
    issuer: '深圳市住房和建设局',
    required: true,
    durationSec: 30,
    hours: 2,
    summary: '条例2019年修订要点：业主共有资金、业主大会与业委会、物业服务合同、信息公开。',
  },
  {
    _id: 'c-fire',
    order: 2,
    title: '物业服务区域消防安全管理实务',
    issuer: '深圳市消防救援支队',
    required: true,
    durationSec: 40,
    hours: 1.5,
    summary: '消防通道管理、电动自行车停放充电、消防设施日常巡查与记录。',
  },
  {
    _id: 'c-flood',
    order: 3,
    title: '“三防”工作与极端天气应对',
    issuer: '深圳市应急管理局',
    required: false,
    durationSec: 50,
    hours: 1,
    summary: '台风、暴雨预警信号的含义，地下车库防水、高空坠物排查与应急值守。',
  },
]

const path = (n: number, ext: string) => `training/course-${n}.${ext}`

export function courses(now: number): Course[] {
  return COURSES.map((c, i) => ({
    ...c,
    videoFileId: fileId(path(i + 1, 'mp4')),
    coverFileId: fileId(path(i + 1, 'jpg')),
    ...(c.required ? { dueAt: now + (30 + i * 15) * DAY } : {}),
  }))
}

function progress(now: number): Progress[] {
  return [
    {
      _id: 'a-li_c-regulation',
      accountId: 'a-li',
      courseId: 'c-regulation',
      maxWatched: 30,
      lastPosition: 30,
      lastReportAt: now - 5 * DAY,
      aheadSec: 0,
      completedAt: now - 5 * DAY,
      version: 7,
    },
    {
      _id: 'a-li_c-fire',
      accountId: 'a-li',
      courseId: 'c-fire',
      maxWatched: 16,
      lastPosition: 16,
      lastReportAt: now - DAY,
      aheadSec: 0,
      version: 4,
    },
  ]
}

export function trainingSeed(now: number) {
  const files: Record<string, Buffer> = {}
  for (let n = 1; n <= COURSES.length; n++) {
    for (const ext of ['mp4', 'jpg']) {
      files[path(n, ext)] = readFileSync(join(__dirname, 'assets', `course-${n}.${ext}`))
    }
  }
  const done = now - 5 * DAY
  const day = new Date(done + 8 * 3600_000).toISOString().slice(0, 10)
  return {
    docs: {
      courses: courses(now),
      course_progress: progress(now),
      // What the training function records for the finished course (企业人员培训结果 reads it).
      training_results: [
        {
          _id: 'tr_a-li',
          name: '李晓华',
          idNo: null,
          accountId: 'a-li',
          position: '项目经办人',
          projectId: 'p-yangguang',
          projectName: '阳光花园',
          company: '深圳市安居物业管理有限公司',
          startDate: day,
          endDate: day,
          courses: [
            {
              courseId: 'c-regulation',
              title: COURSES[0].title,
              hours: COURSES[0].hours,
              passed: true,
              finishedAt: day,
            },
          ],
          totalHours: COURSES[0].hours,
          result: 'passed',
          certificate: null,
          updatedAt: done,
        } satisfies TrainingResult,
      ],
    },
    files,
  }
}
