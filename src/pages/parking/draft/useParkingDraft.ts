import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { AppError } from '../../../../types/errors'
import {
  chinaDate,
  fillBlanks,
  ParkingContract,
  validateParking,
  type ParkingCurrent,
  type ParkingDraft,
} from '../../../../types/parking'
import { parseNumber } from '../../../components/NumberField'
import { useDraftForm, useReloadOnce, type SaveWhen } from '../../../hooks/useDraftForm'
import { call } from '../../../services/api'
import { useSession } from '../../../session'
import { FIELD_ORDER, forSave, getAt, setAt, textsOf, typingErrors } from './paths'

/** Errors that mean the draft moved on elsewhere: the form loads again. */
export const MOVED_ON = ['CONFLICT', 'INVALID_STATE', 'NOT_FOUND']

export const movedOn = (err: unknown) => err instanceof AppError && MOVED_ON.includes(err.code)

interface Options {
  current: ParkingCurrent
  projectId: string | undefined
  /** Loads the project's editions again. */
  onReload: () => void
}

/**
 * The parking draft on `useDraftForm`: the whole form is one part, saved with the step it is on
 * (another phone continues at the same step); numbers are kept as typed beside the draft.
 */
export function useParkingDraft({ current, projectId, onReload }: Options) {
  const open = current.open?.status === 'draft' ? current.open : null
  const { refreshOnAccessError } = useSession()
  const [today] = useState(() => chinaDate(Date.now()))
  const [initial] = useState(() => fillBlanks(open?.form ?? current.base))
  const [texts, setTexts] = useState(() => textsOf(initial))
  const [step, setStep] = useState(open?.step ?? 0)
  const stepRef = useRef(step)
  const edition = useRef({
    id: open?._id,
    version: open?.version ?? 0,
    number: open?.edition ?? current.nextEdition,
  })
  const [editionNo, setEditionNo] = useState(open?.edition ?? current.nextEdition)
  const [savedAt, setSavedAt] = useState(open?.updatedAt)
  const { reloadFor } = useReloadOnce(onReload)

  const form = useDraftForm<ParkingDraft>({
    initial: { form: initial },
    states: open ? { form: 'saved' } : {},
    send: async (_part, value) => {
      const res = await call(ParkingContract, 'saveDraft', {
        projectId,
        editionId: edition.current.id,
        version: edition.current.version,
        form: forSave(value),
        step: stepRef.current,
      })
      edition.current = { id: res.editionId, version: res.version, number: res.edition }
      setEditionNo(res.edition)
      setSavedAt(res.updatedAt)
    },
    onFailed: (_part, err) => {
      if (movedOn(err)) reloadFor(err)
      else refreshOnAccessError(err)
    },
    validate: (values) => ({ ...validateParking(values.form, today), ...typingErrors(texts) }),
    order: FIELD_ORDER,
    partOf: () => 'form',
  })

  const setField = (path: string, value: unknown, when: SaveWhen = 'later') => {
    let next = setAt(form.valueOf('form')!, path, value)
    // 否 takes its measures away (the function refuses 否 with measures).
    const measures = (getAt(next, 'relief.measures') as unknown[] | null | undefined) ?? []
    if (path === 'relief.adopted' && value === false && measures.length > 0) {
      next = setAt(next, 'relief.measures', [])
    }
    form.change('form', next, when)
  }

  const setNumber = (path: string, text: string) => {
    setTexts((t) => ({ ...t, [path]: text }))
    const n = parseNumber(text)
    setField(path, Number.isNaN(n) ? null : n)
  }

  const goTo = (n: number) => {
    if (n === stepRef.current) return
    stepRef.current = n
    setStep(n)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    // The step is kept with the draft (another phone opens the same one).
    if (edition.current.id) void form.save('form', true)
  }

  return {
    form,
    draft: form.values.form,
    texts,
    today,
    step,
    goTo,
    setField,
    setNumber,
    edition,
    editionNo,
    savedAt,
    reloadFor,
  }
}

export type ParkingDraftApi = ReturnType<typeof useParkingDraft>
