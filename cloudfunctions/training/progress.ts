import {
  FINISH_RATIO,
  MAX_REPORT_GAP_SEC,
  REPORT_SLACK_SEC,
  type Progress,
} from '../../types/training'

/**
 * How far a report may move the watched mark: by the real time that passed since the last
 * accepted report (at most MAX_REPORT_GAP_SEC, so a pause does not bank time to skip with), plus
 * whatever is left of one slack for network and timer jitter. The slack is given once, not per
 * report: `aheadSec` remembers how much of it the mark already uses (how far the mark runs ahead
 * of the time counted), and it comes back only as real time catches up. So any run of reports —
 * however many, however fast — moves the mark by at most the time that passed plus one slack.
 * Seeking back is always allowed; the mark never goes down. Pure: the function stores what this
 * returns, conditional on the version it was computed from, so parallel reports never add up.
 */
export function advance(
  before: Pick<Progress, 'maxWatched' | 'lastReportAt' | 'completedAt' | 'aheadSec'> | null,
  position: number,
  durationSec: number,
  now: number,
): {
  maxWatched: number
  lastPosition: number
  lastReportAt: number
  aheadSec: number
  completedAt?: number
  clampedTo?: number
} {
  const watched = before?.maxWatched ?? 0
  // Records written before aheadSec existed are taken to have used their slack.
  const ahead = before ? (before.aheadSec ?? REPORT_SLACK_SEC) : 0
  const elapsed = before ? Math.max(0, (now - before.lastReportAt) / 1000) : 0
  // The time the mark may stand for: what was counted so far plus the time that passed now.
  const earned = watched - ahead + Math.min(elapsed, MAX_REPORT_GAP_SEC)
  const limit = Math.min(durationSec, earned + REPORT_SLACK_SEC)
  const maxWatched = round(Math.max(watched, Math.min(position, limit)))
  const lastPosition = Math.min(position, maxWatched)
  const finished = maxWatched >= FINISH_RATIO * durationSec
  const completedAt = before?.completedAt ?? (finished ? now : undefined)
  return {
    maxWatched,
    lastPosition: round(lastPosition),
    lastReportAt: now,
    // Time not used to move the mark is not kept: only the slack in use is remembered.
    aheadSec: round(Math.max(0, maxWatched - earned)),
    ...(completedAt !== undefined ? { completedAt } : {}),
    ...(position > limit + 0.001 ? { clampedTo: maxWatched } : {}),
  }
}

const round = (n: number) => Math.round(n * 10) / 10
