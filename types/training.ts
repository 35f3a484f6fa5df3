import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId } from './fields'

/**
 * 观看宣传培训 (manual §14): courses published by the operator, played from cloud storage, with
 * progress the server can vouch for. The client reports where the video is; the server decides how
 * far the person has really watched (never more than the time that passed), and only the server
 * marks a course finished (≥ 90 % watched). Finished courses feed 企业人员培训结果 (query module).
 */
export interface Course {
  _id: string
  order: number
  title: string
  issuer: string
  /** 必修 or 选修. */
  required: boolean
  /** Seconds of video. */
  durationSec: number
  /** 学时 credited when finished. */
  hours: number
  /** Cloud-storage fileIDs of the video and its cover. */
  videoFileId: string
  coverFileId?: string
  dueAt?: number
  summary: string
}

/** One account's progress on one course, in `course_progress` (`_id` = account_course). */
export interface Progress {
  _id: string
  accountId: string
  courseId: string
  /** How far the person has watched, in seconds, as the server counted it. */
  maxWatched: number
  /** Where to resume. */
  lastPosition: number
  /** Server time of the last report (the clock that bounds how far the next may go). */
  lastReportAt: number
  /**
   * How far the mark runs ahead of the watching time counted so far (0 … REPORT_SLACK_SEC): the
   * part of the one slack already used, so reports cannot add the slack again and again.
   */
  aheadSec?: number
  completedAt?: number
  version: number
}

/** The share of a video that counts as watched: the server's rule, shown by the pages. */
export const FINISH_RATIO = 0.9
/** A report may advance the watched mark by the time since the last one, at most this much. */
export const MAX_REPORT_GAP_SEC = 15
/** Slack for network and timer jitter, seconds: once in all, not once per report. */
export const REPORT_SLACK_SEC = 2
/** The client reports this often while playing (and on pause and on leaving). */
export const REPORT_EVERY_MS = 5000

export type ProgressState = 'notStarted' | 'inProgress' | 'finished'

export interface CourseRow {
  course: Course
  state: ProgressState
  /** Watched share 0–100, from the server's count. */
  percent: number
  coverUrl?: string
}

export interface PlayInfo {
  course: Course
  videoUrl: string
  /** The cover, shown before the video plays. */
  posterUrl?: string
  progress: Pick<Progress, 'maxWatched' | 'lastPosition' | 'completedAt'>
}

export interface ReportResult {
  maxWatched: number
  percent: number
  finished: boolean
  /** Set when the report claimed more than was watched: the player seeks back to it. */
  clampedTo?: number
}

const seconds = z
  .number()
  .finite()
  .min(0)
  .max(24 * 3600)

export const TrainingInput = {
  list: z.object({ projectId: docId.optional() }).strict(),
  play: z.object({ projectId: docId.optional(), courseId: docId }).strict(),
  /** Where the player is now; sent every few seconds while playing, on pause and on leaving. */
  report: z.object({ projectId: docId.optional(), courseId: docId, position: seconds }).strict(),
}

const read = actionsFor(member('training'))

export const TrainingContract = defineContract('training', {
  list: read(TrainingInput.list, returns<CourseRow[]>()),
  play: read(TrainingInput.play, returns<PlayInfo>()),
  report: read(TrainingInput.report, returns<ReportResult>()),
})

export const TRAINING_COLLECTIONS = {
  courses: [index({ order: 1 })],
  course_progress: [index({ accountId: 1, courseId: 1 }, { unique: true })],
} as const

export function percentOf(maxWatched: number, durationSec: number): number {
  if (durationSec <= 0) return 0
  return Math.min(100, Math.floor((maxWatched / durationSec) * 100))
}

/**
 * The one rule of a course's state, for the list and the player alike: 未开始 until a whole
 * percent was watched (a course only opened, or played for a moment, is not started — never a
 * 0 %), 已完成 once the server recorded it finished.
 */
export function progressState(percent: number, finished: boolean): ProgressState {
  if (finished) return 'finished'
  return percent > 0 ? 'inProgress' : 'notStarted'
}

/** 未开始 / 40% / 已完成. */
export function progressText(state: ProgressState, percent: number): string {
  if (state === 'finished') return '已完成'
  if (state === 'notStarted') return '未开始'
  return `${percent}%`
}
