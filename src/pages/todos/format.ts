import { cstDate, cstDateTime } from '../../../types/display'
import type { Todo } from '../../../types/todos'

/** 2026-11-25, as people of Shenzhen read it (China Standard Time, types/display.ts). */
export const formatDate = cstDate

/** 2026-11-25 14:03 (China Standard Time). */
export const formatTime = cstDateTime

/** When and by whom a to-do was done: 2026-11-25 14:03 · 李晓华. */
export function doneText(todo: Pick<Todo, 'doneAt' | 'doneByName'>): string {
  return `${todo.doneAt ? formatTime(todo.doneAt) : '—'}${todo.doneByName ? ` · ${todo.doneByName}` : ''}`
}
