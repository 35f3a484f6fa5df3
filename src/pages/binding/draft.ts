import Taro from '@tarojs/taro'
import type { ProjectSummary } from '../../../types/binding'

/**
 * The 身份认证 form's draft: what was typed survives leaving the page, a reload or a killed app.
 * Never the verification code. Cleared once the submit succeeds.
 */
export const DRAFT_KEY = 'draft.binding'

export type Category = 'property' | 'committee'

export interface BindingDraft {
  category: Category | null
  name: string
  phone: string
  /** 所在项目: required of handlers; a registered manager's projects come from the registry. */
  project: ProjectSummary | null
  /** Last code sent: to which phone, and when another may be requested (epoch ms). */
  resend: { phone: string; at: number } | null
}

export const EMPTY_DRAFT: BindingDraft = {
  category: null,
  name: '',
  phone: '',
  project: null,
  resend: null,
}

const str = (x: unknown) => (typeof x === 'string' ? x : '')

export function loadDraft(): BindingDraft {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(DRAFT_KEY)
  } catch {
    return EMPTY_DRAFT
  }
  if (!raw || typeof raw !== 'object') return EMPTY_DRAFT
  const d = raw as Partial<BindingDraft>
  const project = d.project && typeof d.project._id === 'string' ? d.project : null
  const resend =
    d.resend && typeof d.resend.phone === 'string' && typeof d.resend.at === 'number'
      ? d.resend
      : null
  return {
    category: d.category === 'property' || d.category === 'committee' ? d.category : null,
    name: str(d.name),
    phone: str(d.phone),
    project,
    resend,
  }
}

export function saveDraft(draft: BindingDraft): void {
  try {
    Taro.setStorageSync(DRAFT_KEY, draft)
  } catch {
    // Storage full or unavailable: the form still works, it just won't be remembered.
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_KEY)
  } catch {
    // Nothing to clear.
  }
}

export function isEmptyDraft(d: BindingDraft): boolean {
  return !d.category && !d.name && !d.phone && !d.project
}
