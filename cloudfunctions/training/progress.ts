import {
  FINISH_RATIO,
  MAX_REPORT_GAP_SEC,
  REPORT_SLACK_SEC,
  type Progress,
} from '../../types/training'

/**
 * How far a report may move the watched mark: never further than the time that passed since the
 * last report (at most MAX_REPORT_GAP_SEC, so a pause does not bank time to skip with), plus a
 * little slack. Seeking back is always allowed; the mark never goes down. Pure: the function
 * stores what this returns.
 */
export function advance(
  before: Pick<Progress, 'maxWatched' | 'lastReportAt' | 'completedAt'> | null,
  position: number,
  durationSec: number,
  now: number,
): {
  maxWatched: number
  lastPosition: number
  lastReportAt: number
  completedAt?: number
  clampedTo?: number
} {
  const watched = before?.maxWatched ?? 0
  const elapsed = before ? Math.max(0, (now - before.lastReportAt) / 1000) : 0
  const limit = Math.min(
    durationSec,
    watched + Math.min(elapsed, MAX_REPORT_GAP_SEC) + REPORT_SLACK_SEC,
  )
  const maxWatched = Math.max(watched, Math.min(position, limit))
  const lastPosition = Math.min(position, maxWatched)
  const finished = maxWatched >= FINISH_RATIO * durationSec
  const completedAt = before?.completedAt ?? (finished ? now : undefined)
  return {
    maxWatched: round(maxWatched),
    lastPosition: round(lastPosition),
    lastReportAt: now,
    ...(completedAt !== undefined ? { completedAt } : {}),
    ...(position > limit + 0.001 ? { clampedTo: round(maxWatched) } : {}),
  }
}

const round = (n: number) => Math.round(n * 10) / 10
