import { useMemo, useRef, useState } from 'react'
import { AppError } from '../../../../types/errors'
import { SafetyContract, type Answer, type CheckDetail } from '../../../../types/safety'
import { useDraftForm, useReloadOnce } from '../../../hooks/useDraftForm'
import { call } from '../../../services/api'
import { useSession } from '../../../session'
import {
  answerError,
  itemsOf,
  loadUnsaved,
  normalize,
  sameAnswer,
  startingAnswers,
  storeUnsaved,
} from '../answers'

interface Options {
  detail: CheckDetail
  projectId: string | undefined
  /** Loads the check again (after submitting, or when it changed underneath). */
  onReload: () => void
}

/** What an unanswered item is told on 提交. */
const UNANSWERED = '请选择有问题或无问题'

/**
 * A check's answers on `useDraftForm`, one part per item: each saved at once (a note after a
 * pause), what the function does not have yet kept in Taro storage and sent as the check opens
 * again; an answer the contract refuses (有问题 without its note) waits, marked 未保存.
 */
export function useCheckDraft({ detail, projectId, onReload }: Options) {
  const { check, submission } = detail
  const checkId = check._id
  const items = useMemo(() => itemsOf(check), [check])
  const { refreshOnAccessError } = useSession()
  const [start] = useState(() => {
    const unsaved = loadUnsaved(projectId, checkId)
    return { ...startingAnswers(detail, unsaved), urls: { ...unsaved.urls, ...detail.photoUrls } }
  })
  const [urls, setUrls] = useState<Record<string, string>>(start.urls)
  const urlsRef = useRef(start.urls)
  /** The submission's version after our last save (submit names it). */
  const version = useRef(submission?.version ?? 0)
  const { reloadFor, reloading } = useReloadOnce(onReload)

  const failed = (id: string, err: unknown) => {
    if (err instanceof AppError) {
      const f = err.fields ?? {}
      const message = f['answer.note'] ?? f['answer.photos'] ?? f['answer.result']
      if (message) form.setServerErrors({ [id]: message })
      if (err.code === 'INVALID_STATE' || err.code === 'NOT_FOUND') return reloadFor(err)
    }
    refreshOnAccessError(err)
  }

  const form = useDraftForm<Answer>({
    initial: start.answers,
    saved: start.saved,
    pending: Object.keys(start.pending),
    send: async (id, answer) => {
      const sent = { projectId, checkId, itemId: id, answer: normalize(answer) }
      const res = await call(SafetyContract, 'saveAnswer', sent)
      version.current = Math.max(version.current, res.version)
    },
    same: sameAnswer,
    refused: (_id, answer) => answerError(answer),
    store: (unsaved) => {
      const keep: Record<string, string> = {}
      for (const a of Object.values(unsaved))
        for (const p of a.photos) if (urlsRef.current[p]) keep[p] = urlsRef.current[p]
      storeUnsaved(projectId, checkId, { answers: unsaved, urls: keep })
    },
    onFailed: failed,
    validate: (answers) => {
      const out: Record<string, string> = {}
      for (const { _id: id } of items) {
        const message = answers[id] ? answerError(answers[id]) : UNANSWERED
        if (message) out[id] = message
      }
      return out
    },
    order: items.map((i) => i._id),
  })

  const addUrl = (fileID: string, url: string) => {
    urlsRef.current = { ...urlsRef.current, [fileID]: url }
    setUrls(urlsRef.current)
  }

  /** Whether an item is answered as the contract takes it. */
  const complete = (id: string) => {
    const a = form.values[id]
    return !!a && !answerError(a)
  }

  return { form, items, urls, addUrl, version, complete, reloadFor, reloading, checkId }
}

export type CheckDraft = ReturnType<typeof useCheckDraft>
