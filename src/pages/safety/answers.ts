import Taro from '@tarojs/taro'
import { fieldErrors } from '../../../types/fields'
import { SafetyInput, type Answer, type CheckDetail, type SafetyCheck } from '../../../types/safety'

/** An answer as the function takes it: the note trimmed, left out when empty. */
export function normalize(a: Answer): Answer {
  const note = (a.note ?? '').trim()
  return { result: a.result, photos: [...a.photos], ...(note ? { note } : {}) }
}

export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (!a || !b) return a === b
  const x = normalize(a)
  const y = normalize(b)
  return (
    x.result === y.result &&
    (x.note ?? '') === (y.note ?? '') &&
    x.photos.length === y.photos.length &&
    x.photos.every((p, i) => p === y.photos[i])
  )
}

/** What is wrong with an answer by the shared rule (the function's): a message, or '' . */
export function answerError(a: Answer): string {
  const parsed = SafetyInput.saveAnswer.shape.answer.safeParse(normalize(a))
  if (parsed.success) return ''
  const errs = fieldErrors(parsed.error)
  return errs.note ?? errs.result ?? errs.photos ?? Object.values(errs)[0] ?? '请检查填写内容'
}

export const itemsOf = (check: SafetyCheck) => check.categories.flatMap((c) => c.items)

/** Whether the check's window is open at `now` (the function says so too; this picks the view). */
export const isOpen = (check: Pick<SafetyCheck, 'startAt' | 'endAt'>, now = Date.now()) =>
  now >= check.startAt && now < check.endAt

/**
 * Answers typed but not yet saved (a note being typed, a save that failed, the app closed before
 * the debounce): kept in Taro storage per project and check until the function has them, and put
 * back when the check is opened again.
 */
export interface Unsaved {
  answers: Record<string, Answer>
  /** Where to show photos of those answers (the detail's photoUrls know only saved ones). */
  urls: Record<string, string>
}

const key = (projectId: string | undefined, checkId: string) =>
  `safety.unsaved.${projectId ?? '-'}.${checkId}`

export function loadUnsaved(projectId: string | undefined, checkId: string): Unsaved {
  try {
    const raw = Taro.getStorageSync(key(projectId, checkId)) as Partial<Unsaved> | ''
    if (!raw || typeof raw !== 'object') return { answers: {}, urls: {} }
    const answers: Record<string, Answer> = {}
    for (const [id, a] of Object.entries(raw.answers ?? {})) {
      if (a && (a.result === 'ok' || a.result === 'problem') && Array.isArray(a.photos))
        answers[id] = {
          result: a.result,
          photos: a.photos.filter((p) => typeof p === 'string'),
          ...(typeof a.note === 'string' ? { note: a.note } : {}),
        }
    }
    return { answers, urls: raw.urls && typeof raw.urls === 'object' ? raw.urls : {} }
  } catch {
    return { answers: {}, urls: {} }
  }
}

export function storeUnsaved(projectId: string | undefined, checkId: string, value: Unsaved) {
  try {
    if (Object.keys(value.answers).length === 0) Taro.removeStorageSync(key(projectId, checkId))
    else Taro.setStorageSync(key(projectId, checkId), value)
  } catch {
    // Storage full or unavailable: the answers still go to the server as they are typed.
  }
}

/** The answers to start from: the server's, with what this device had not saved yet over them. */
export function startingAnswers(detail: CheckDetail, unsaved: Unsaved) {
  const saved = detail.submission?.answers ?? {}
  const items = new Set(itemsOf(detail.check).map((i) => i._id))
  const pending: Record<string, Answer> = {}
  for (const [id, a] of Object.entries(unsaved.answers))
    if (items.has(id) && !sameAnswer(a, saved[id])) pending[id] = a
  return { saved, pending, answers: { ...saved, ...pending } }
}
