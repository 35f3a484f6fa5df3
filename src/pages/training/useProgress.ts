import { useDidHide } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  FINISH_RATIO,
  REPORT_EVERY_MS,
  TrainingContract,
  percentOf,
  type PlayInfo,
} from '../../../types/training'
import { call } from '../../services/api'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import { seekVideo } from './seek'

/** How far past the watched mark the player may be before it is taken back (timer jitter). */
export const SKIP_TOLERANCE_SEC = 2
export const NO_SKIP_TEXT = '请完整观看，不能快进'
/** The watched mark grows at most by the wall time between two time updates, capped here. */
const MAX_TICK_SEC = 2
/** Slack on that growth (a time update late by a frame). */
const TICK_SLACK_SEC = 0.5
/** One toast per attempt, not one per time update while the player comes back. */
const TOAST_EVERY_MS = 2500

export interface ServerProgress {
  /** Watched share 0–100 as the server counted it. */
  percent: number
  finished: boolean
}

export interface ProgressControl {
  server: ServerProgress
  /** The last report failed (shown under the video; the next report tries again). */
  failing: boolean
  onPlay: () => void
  onPause: () => void
  onEnded: () => void
  onTimeUpdate: (currentTime: number) => void
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * The player's side of 观看宣传培训's honest progress. It keeps the watched mark (from the
 * server, then grown only by real playing: never more than the wall time between two time
 * updates), takes the player back to it when it is more than SKIP_TOLERANCE_SEC ahead (a drag of
 * the progress bar, a seek) and says so, and reports the position to the server: on play, every
 * REPORT_EVERY_MS while playing, on pause, on the end and on leaving. The server decides how far
 * the person has watched and whether the course is finished; its answer (percent, finished) is
 * all the page shows, and when it clamps a report the player goes back to its mark.
 */
export function useProgress(
  videoId: string,
  info: PlayInfo,
  projectId: string | undefined,
): ProgressControl {
  const { course, progress } = info
  const { refreshOnAccessError } = useSession()
  const [server, setServer] = useState<ServerProgress>(() => ({
    percent: progress.completedAt
      ? Math.max(percentOf(progress.maxWatched, course.durationSec), FINISH_RATIO * 100)
      : percentOf(progress.maxWatched, course.durationSec),
    finished: progress.completedAt !== undefined,
  }))
  const [failing, setFailing] = useState(false)

  /** How far the person has watched, seconds. */
  const watched = useRef(progress.maxWatched)
  /** The last position accepted (not a skip), seconds: what is reported. */
  const position = useRef(progress.lastPosition)
  const lastTickAt = useRef(0)
  const lastSentAt = useRef(0)
  const lastSent = useRef<number | null>(null)
  const lastToastAt = useRef(0)
  const inFlight = useRef(false)
  const queued = useRef<number | null>(null)
  const mounted = useRef(true)

  const goBack = useCallback(
    (to: number) => {
      position.current = to
      seekVideo(videoId, to)
      const now = Date.now()
      if (now - lastToastAt.current > TOAST_EVERY_MS) {
        lastToastAt.current = now
        toast.info(NO_SKIP_TEXT)
      }
    },
    [videoId],
  )

  /** Reports `at` (seconds); reports go one at a time, the latest waiting its turn. */
  const send = useCallback(
    async (at: number) => {
      if (inFlight.current) {
        queued.current = at
        return
      }
      inFlight.current = true
      lastSent.current = at
      lastSentAt.current = Date.now()
      try {
        const res = await call(TrainingContract, 'report', {
          projectId,
          courseId: course._id,
          position: round1(Math.min(Math.max(at, 0), course.durationSec)),
        })
        if (res.clampedTo !== undefined) {
          // The server counted less than the player claims: its mark is the truth.
          watched.current = res.clampedTo
          if (mounted.current && position.current > res.clampedTo + TICK_SLACK_SEC)
            goBack(res.clampedTo)
        } else {
          watched.current = Math.max(watched.current, res.maxWatched)
        }
        if (mounted.current) {
          setServer({ percent: res.percent, finished: res.finished })
          setFailing(false)
        }
      } catch (err) {
        // The module withdrawn meanwhile: the session learns it and the page's gate says so.
        refreshOnAccessError(err)
        if (mounted.current) setFailing(true)
      } finally {
        inFlight.current = false
        const next = queued.current
        queued.current = null
        if (next !== null) void send(next)
      }
    },
    [projectId, course._id, course.durationSec, goBack, refreshOnAccessError],
  )

  /** Reports the position unless that very position was the last one reported. */
  const flush = useCallback(() => {
    if (lastSent.current !== position.current || queued.current !== null) {
      void send(position.current)
    }
  }, [send])

  const onTimeUpdate = useCallback(
    (t: number) => {
      if (!Number.isFinite(t)) return
      const now = Date.now()
      if (t > watched.current + SKIP_TOLERANCE_SEC) {
        goBack(watched.current)
        return
      }
      const tick = lastTickAt.current
        ? Math.min((now - lastTickAt.current) / 1000, MAX_TICK_SEC)
        : 0
      lastTickAt.current = now
      if (t > watched.current)
        watched.current = Math.min(t, watched.current + tick + TICK_SLACK_SEC)
      position.current = t
      if (now - lastSentAt.current >= REPORT_EVERY_MS) void send(t)
    },
    [goBack, send],
  )

  const onPlay = useCallback(() => {
    lastTickAt.current = Date.now()
    // Starts the server's clock for this stretch of playing (a first report opens the record).
    void send(position.current)
  }, [send])

  useDidHide(flush)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      flush()
    }
  }, [flush])

  return { server, failing, onPlay, onPause: flush, onEnded: flush, onTimeUpdate }
}
