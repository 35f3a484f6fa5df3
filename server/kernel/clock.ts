/**
 * The functions' notion of "now". LOCAL_CLOCK_OFFSET_MS is set only by the local cloud (per call),
 * so tests can move time forward instead of sleeping; in the WeChat cloud it is never set.
 */
export function now(): number {
  const offset = Number(process.env.LOCAL_CLOCK_OFFSET_MS ?? 0)
  return Date.now() + (Number.isFinite(offset) ? offset : 0)
}

export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

/** Start of the caller's calendar day in China Standard Time (UTC+8), for daily quotas. */
export function startOfChinaDay(at: number): number {
  const CST = 8 * 60 * MINUTE
  return Math.floor((at + CST) / DAY) * DAY - CST
}
