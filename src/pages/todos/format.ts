import { cstDate, cstDateTime } from '../../../types/display'

export const DAY = 86_400_000

/** 2026-11-25, as people of Shenzhen read it (China Standard Time, types/display.ts). */
export const formatDate = cstDate

/** 2026-11-25 14:03 (China Standard Time). */
export const formatTime = cstDateTime

/** Whole days from `now` until `end`, a started day counting as one (0 once it has passed). */
export function daysLeft(end: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((end - now) / DAY))
}
