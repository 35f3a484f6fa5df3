import { cstDate, cstDateTime } from '../../../types/display'

/** 2026-11-25, as people of Shenzhen read it (China Standard Time, types/display.ts). */
export const formatDate = cstDate

/** 2026-11-25 14:03 (China Standard Time). */
export const formatTime = cstDateTime
