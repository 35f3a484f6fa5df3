import { PARKING_FIELDS, ParkingDraftSchema, type ParkingDraft } from '../../../../types/parking'
import { parseNumber } from '../../../components/NumberField'

/** Fields typed as numbers: their text is kept as typed, the draft holds the number. */
export const NUMERIC = [
  'homes',
  'counts.total',
  'counts.planned',
  'counts.added',
  'counts.fixed',
  'counts.nonFixed',
  'counts.underground',
  'counts.aboveGround',
  'sharedLand.spaces',
  'cards.issued',
  'cards.monthlyFee',
  'chargers.count',
]

/** The form's fields in order: errors are shown, and the first one found, in this order. */
export const FIELD_ORDER = PARKING_FIELDS.map((f) => f.path)

type Obj = Record<string, unknown>

export function getAt(form: ParkingDraft, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Obj | undefined)?.[k], form)
}

export function setAt(form: ParkingDraft, path: string, value: unknown): ParkingDraft {
  const [head, ...rest] = path.split('.')
  const obj = form as Obj
  if (rest.length === 0) return { ...obj, [head]: value } as ParkingDraft
  const inner = (obj[head] ?? {}) as ParkingDraft
  return { ...obj, [head]: setAt(inner, rest.join('.'), value) } as ParkingDraft
}

/** The numbers of the draft as text for their boxes. */
export function textsOf(form: ParkingDraft): Record<string, string> {
  const out: Record<string, string> = {}
  for (const path of NUMERIC) {
    const v = getAt(form, path)
    out[path] = typeof v === 'number' ? String(v) : ''
  }
  return out
}

/** Numbers typed that are not numbers at all (the draft holds a blank for them). */
export function typingErrors(texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const path of NUMERIC) {
    if (Number.isNaN(parseNumber(texts[path] ?? ''))) out[path] = `${labelOf(path)}请填写数字`
  }
  return out
}

/** What the draft may hold: a value its schema refuses (a negative count…) is saved as blank. */
export function forSave(form: ParkingDraft): ParkingDraft {
  let out = form
  for (let i = 0; i < 3; i++) {
    const parsed = ParkingDraftSchema.safeParse(out)
    if (parsed.success) return parsed.data as ParkingDraft
    for (const issue of parsed.error.issues) out = setAt(out, issue.path.join('.'), null)
  }
  return out
}

const fieldOf = (path: string) =>
  PARKING_FIELDS.find((f) => path === f.path || path.startsWith(`${f.path}.`))

/** The step a field is on. */
export const sectionOf = (path: string) => fieldOf(path)?.section ?? 0

/** The field's name as the form shows it. */
export const labelOf = (path: string) => fieldOf(path)?.label ?? path

/** The DOM/WXML id of a form field's block (the first wrong one is scrolled to). */
export const anchorOf = (path: string) => `pk-${path.replace(/\./g, '-')}`
