import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import { AppError } from '../../../types/errors'
import {
  NOTE_MAX,
  PHOTOS_MAX,
  SafetyContract,
  type Answer,
  type AnswerResult,
  type CheckDetail,
  type CheckItem,
} from '../../../types/safety'
import { useConfirm } from '../../components/ConfirmDialog'
import FormField, { NO_MAXLENGTH } from '../../components/FormField'
import { newRequestId } from '../../services/requestId'
import { call } from '../../services/api'
import { choosePhotos, uploadPhoto } from '../../services/photos'
import { askForNotices } from '../../services/subscribe'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import {
  answerError,
  itemsOf,
  loadUnsaved,
  normalize,
  sameAnswer,
  startingAnswers,
  storeUnsaved,
} from './answers'
import Photos from './Photos'

/** How long typing pauses before a note is saved. */
const NOTE_DEBOUNCE_MS = 800

type SaveState = 'saving' | 'saved' | 'failed' | 'invalid'

const SAVE_TEXT: Record<SaveState, string> = {
  saving: '保存中…',
  saved: '已保存',
  failed: '保存失败 · 重试',
  invalid: '未保存',
}

/** The DOM/WXML id of an item's block (the sticky bar jumps to it). */
const anchor = (itemId: string) => `check-item-${itemId}`

interface ItemProps {
  item: CheckItem
  answer: Answer | undefined
  error: string | undefined
  state: SaveState | undefined
  uploading: number
  urls: Record<string, string>
  onResult: (result: AnswerResult) => void
  onNote: (note: string) => void
  onNoteDone: () => void
  onAddPhotos: () => void
  onRemovePhoto: (fileID: string) => void
  onRetry: () => void
}

function ItemEditor(props: ItemProps) {
  const { item, answer, error, state, uploading, urls } = props
  const problem = answer?.result === 'problem'
  // 无问题 needs nothing more: its note and photos stay folded until asked for (or present).
  const [unfolded, setUnfolded] = useState(false)
  const more =
    !!answer &&
    (problem ||
      unfolded ||
      !!error ||
      !!(answer.note ?? '').trim() ||
      answer.photos.length > 0 ||
      uploading > 0)
  const choice = (result: AnswerResult, label: string) => (
    <View
      className={`choice choice--${result}${answer?.result === result ? ' choice--on' : ''}`}
      data-testid={`choice-${result}`}
      data-on={answer?.result === result ? 'true' : 'false'}
      onClick={() => {
        if (answer?.result !== result) props.onResult(result)
      }}
    >
      {label}
    </View>
  )
  return (
    <View
      id={anchor(item._id)}
      className={`check-item${error ? ' check-item--error' : ''}`}
      data-testid="check-item"
      data-item-id={item._id}
      data-result={answer?.result ?? ''}
    >
      <View className="check-item__head">
        <Text className="check-item__code">{item._id}</Text>
        <Text className="check-item__points">{item.points} 分</Text>
        {state ? (
          <Text
            className={`save-state save-state--${state}`}
            data-testid="item-save"
            data-state={state}
            onClick={state === 'failed' ? props.onRetry : undefined}
          >
            {SAVE_TEXT[state]}
          </Text>
        ) : null}
      </View>
      <Text className="check-item__text">{item.text}</Text>
      <View className="choices">
        {choice('ok', '无问题')}
        {choice('problem', '有问题')}
      </View>
      {answer && !more ? (
        <Text
          className="check-item__unfold"
          data-testid="item-unfold"
          onClick={() => setUnfolded(true)}
        >
          补充说明或照片
        </Text>
      ) : null}
      {answer && more ? (
        <View className="check-item__more">
          <FormField
            name={`note-${item._id}`}
            label={problem ? '问题说明' : '说明（选填）'}
            required={problem}
            error={error}
            count={{ value: answer.note ?? '', max: NOTE_MAX }}
          >
            <Textarea
              className="check-item__note"
              data-testid="item-note"
              value={answer.note ?? ''}
              maxlength={NO_MAXLENGTH}
              autoHeight
              placeholder={problem ? '请描述问题及整改措施' : '可补充说明'}
              onInput={(e) => props.onNote(e.detail.value)}
              onBlur={props.onNoteDone}
            />
          </FormField>
          <Photos
            photos={answer.photos}
            urls={urls}
            uploading={uploading}
            max={PHOTOS_MAX}
            onAdd={props.onAddPhotos}
            onRemove={props.onRemovePhoto}
          />
        </View>
      ) : !answer && error ? (
        <Text className="check-item__error" data-testid="item-error">
          {error}
        </Text>
      ) : null}
    </View>
  )
}

interface Props {
  detail: CheckDetail
  projectId: string | undefined
  session: Session
  /** Loads the check again (after submitting, or when it changed underneath). */
  onReload: () => void
  /** How many items are answered, as it changes (the check's tag follows it). */
  onAnswered?: (count: number) => void
}

/** An item as a refusal names it: its code and the start of its text. */
function itemName(item: CheckItem): string {
  const chars = [...item.text]
  return `${item._id}「${chars.length > 10 ? `${chars.slice(0, 10).join('')}…` : item.text}」`
}

/**
 * Filling a check: every change saves its item at once (a note after a pause in typing), so the
 * draft lives on the server; what is not saved yet also waits in Taro storage. 提交 checks every
 * item locally and on the server and submits with a request id kept across retries.
 */
export default function FillForm({ detail, projectId, session, onReload, onAnswered }: Props) {
  const { check, submission } = detail
  const checkId = check._id
  const items = useMemo(() => itemsOf(check), [check])
  const { refreshOnAccessError } = useSession()
  const { dialog, ask } = useConfirm()

  const [start] = useState(() => {
    const unsaved = loadUnsaved(projectId, checkId)
    return { ...startingAnswers(detail, unsaved), urls: { ...unsaved.urls, ...detail.photoUrls } }
  })
  const [answers, setAnswers] = useState<Record<string, Answer>>(start.answers)
  const answersRef = useRef(start.answers)
  /** What the function has, per item. */
  const savedRef = useRef<Record<string, Answer>>({ ...start.saved })
  const [urls, setUrls] = useState<Record<string, string>>(start.urls)
  const urlsRef = useRef(start.urls)
  const [saveState, setSaveState] = useState<Record<string, SaveState>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [uploading, setUploading] = useState<Record<string, number>>({})
  const [submitting, setSubmitting] = useState(false)
  /** The submission's version after our last save (submit names it). */
  const version = useRef(submission?.version ?? 0)
  /** The submit's request id, kept for retries while the version stays the same. */
  const request = useRef<{ version: number; id: string } | null>(null)
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({})
  /** Each item's saves run one after another. */
  const chains = useRef<Record<string, Promise<boolean>>>({})
  const reloading = useRef(false)

  const setState = (id: string, state: SaveState) =>
    setSaveState((s) => (s[id] === state ? s : { ...s, [id]: state }))
  const setError = (id: string, message: string) =>
    setErrors((e) => {
      if ((e[id] ?? '') === message) return e
      const next = { ...e }
      if (message) next[id] = message
      else delete next[id]
      return next
    })

  /** Keeps in storage every answer the function does not have yet. */
  const persist = () => {
    const pending: Record<string, Answer> = {}
    const keep: Record<string, string> = {}
    for (const [id, a] of Object.entries(answersRef.current)) {
      if (sameAnswer(a, savedRef.current[id])) continue
      pending[id] = a
      for (const p of a.photos) if (urlsRef.current[p]) keep[p] = urlsRef.current[p]
    }
    storeUnsaved(projectId, checkId, { answers: pending, urls: keep })
  }

  /** The check moved on elsewhere (submitted on another phone, window closed): show it as it is. */
  const reloadFor = (err: unknown) => {
    if (reloading.current) return
    reloading.current = true
    toast.error(err)
    onReload()
  }

  const doSave = async (id: string): Promise<boolean> => {
    const answer = answersRef.current[id]
    if (!answer) return true
    if (sameAnswer(answer, savedRef.current[id])) {
      // Changed back to what the function has: nothing to send.
      setSaveState((s) => (s[id] && s[id] !== 'saved' ? { ...s, [id]: 'saved' } : s))
      return true
    }
    // Not sent while incomplete (有问题 without its note yet): its error shows once the note is
    // left empty or on 提交, not while the person is still about to type it.
    if (answerError(answer)) {
      setState(id, 'invalid')
      return false
    }
    setState(id, 'saving')
    const sent = normalize(answer)
    try {
      const res = await call(SafetyContract, 'saveAnswer', {
        projectId,
        checkId,
        itemId: id,
        answer: sent,
      })
      savedRef.current = { ...savedRef.current, [id]: sent }
      version.current = Math.max(version.current, res.version)
      persist()
      if (sameAnswer(answersRef.current[id], sent) && !timers.current[id]) setState(id, 'saved')
      return true
    } catch (err) {
      setState(id, 'failed')
      if (err instanceof AppError) {
        const f = err.fields ?? {}
        const message = f['answer.note'] ?? f['answer.photos'] ?? f['answer.result']
        if (message) setError(id, message)
        if (err.code === 'INVALID_STATE' || err.code === 'NOT_FOUND') {
          reloadFor(err)
          return false
        }
      }
      refreshOnAccessError(err)
      return false
    }
  }

  const save = (id: string): Promise<boolean> => {
    clearTimeout(timers.current[id])
    delete timers.current[id]
    const run = (chains.current[id] ?? Promise.resolve(true)).then(() => doSave(id))
    chains.current[id] = run
    return run
  }

  const saveLater = (id: string) => {
    clearTimeout(timers.current[id])
    timers.current[id] = setTimeout(() => void save(id), NOTE_DEBOUNCE_MS)
    setState(id, 'saving')
  }

  const update = (id: string, next: Answer, when: 'now' | 'later') => {
    answersRef.current = { ...answersRef.current, [id]: next }
    setAnswers(answersRef.current)
    persist()
    // An error shown goes once corrected (or says what is still wrong); none is raised while editing.
    setErrors((e) => {
      if (!e[id]) return e
      const message = answerError(next)
      const rest = { ...e }
      if (message) rest[id] = message
      else delete rest[id]
      return rest
    })
    if (when === 'now') void save(id)
    else saveLater(id)
  }

  // Answers this device had not saved before (the app closed, the network failed): send them now.
  useEffect(() => {
    for (const id of Object.keys(start.pending)) void save(id)
    const pendingTimers = timers.current
    return () => {
      // Leaving with a note still waiting for its pause: save it now.
      for (const id of Object.keys(pendingTimers)) void save(id)
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const addPhotos = async (id: string) => {
    const current = answersRef.current[id]
    if (!current) return
    const room = PHOTOS_MAX - current.photos.length - (uploading[id] ?? 0)
    if (room <= 0) {
      toast.info(`每项最多${PHOTOS_MAX}张照片`)
      return
    }
    let paths: string[]
    try {
      paths = (await choosePhotos(room)).slice(0, room)
    } catch (err) {
      toast.error(err)
      return
    }
    if (paths.length === 0) return
    const bump = (n: number) => setUploading((u) => ({ ...u, [id]: (u[id] ?? 0) + n }))
    bump(paths.length)
    for (const path of paths) {
      try {
        const { fileID, url } = await uploadPhoto({ projectId, checkId, itemId: id }, path)
        urlsRef.current = { ...urlsRef.current, [fileID]: url }
        setUrls(urlsRef.current)
        const latest = answersRef.current[id] ?? current
        update(id, { ...latest, photos: [...latest.photos, fileID] }, 'now')
      } catch (err) {
        if (!refreshOnAccessError(err)) toast.error(err)
      } finally {
        bump(-1)
      }
    }
  }

  const removePhoto = async (id: string, fileID: string) => {
    const ok = await ask({
      title: '删除照片',
      content: '确定删除这张照片？',
      confirmText: '删除',
      danger: true,
    })
    const latest = answersRef.current[id]
    if (!ok || !latest) return
    update(id, { ...latest, photos: latest.photos.filter((p) => p !== fileID) }, 'now')
  }

  const jumpTo = (id: string) => {
    void Taro.pageScrollTo({ selector: `#${anchor(id)}`, offsetTop: -72, duration: 300 }).catch(
      () => undefined,
    )
  }

  const complete = (id: string) => {
    const a = answers[id]
    return !!a && !answerError(a)
  }
  const answered = items.filter((i) => complete(i._id)).length
  useEffect(() => onAnswered?.(answered), [answered, onAnswered])
  const firstOpen = items.find((i) => !complete(i._id))
  const states = Object.values(saveState)
  const failed = states.filter((s) => s === 'failed').length
  const overall = states.includes('saving')
    ? { key: 'saving', text: '保存中…' }
    : failed
      ? { key: 'failed', text: `${failed}项保存失败` }
      : states.includes('invalid')
        ? { key: 'invalid', text: '有未保存的项' }
        : states.includes('saved')
          ? { key: 'saved', text: '已保存' }
          : { key: 'idle', text: '填写后自动保存' }
  const busyUploading = Object.values(uploading).some((n) => n > 0)

  const submit = async () => {
    if (submitting) return
    // Inside the tap, before any await: WeChat asks about the review-result notice only then.
    askForNotices([session.subscribe.reviewResult])
    const found: Record<string, string> = {}
    for (const item of items) {
      const a = answersRef.current[item._id]
      const message = a ? answerError(a) : '请选择有问题或无问题'
      if (message) found[item._id] = message
    }
    const open = items.filter((i) => found[i._id])
    if (open.length > 0) {
      setErrors((e) => ({ ...e, ...found }))
      // WeChat's toast holds about two lines: the item's code and the start of its text.
      toast.info(`未完成：${itemName(open[0])}${open.length > 1 ? `等${open.length}项` : ''}`)
      jumpTo(open[0]._id)
      return
    }
    if (busyUploading) {
      toast.info('照片正在上传，请稍候')
      return
    }
    const problems = items.filter((i) => answersRef.current[i._id]?.result === 'problem').length
    const ok = await ask({
      title: '提交检查',
      content: `共${items.length}项，其中${problems}项有问题。提交后由项目负责人确认，确认前不能修改。确定提交？`,
      confirmText: '提交',
    })
    if (!ok) return
    setSubmitting(true)
    try {
      const saved = await Promise.all(Object.keys(answersRef.current).map((id) => save(id)))
      if (!saved.every(Boolean)) {
        if (!reloading.current) toast.info('有未保存的项，请重试')
        return
      }
      const v = version.current
      const requestId = request.current?.version === v ? request.current.id : newRequestId()
      request.current = { version: v, id: requestId }
      await call(SafetyContract, 'submit', { projectId, checkId, version: v, requestId })
      request.current = null
      storeUnsaved(projectId, checkId, { answers: {}, urls: {} })
      toast.success('已提交')
      onReload()
    } catch (err) {
      const fields = err instanceof AppError ? (err.fields ?? {}) : {}
      const missing = Object.keys(fields)
        .filter((k) => k.startsWith('answers.'))
        .map((k) => k.slice('answers.'.length))
      if (missing.length > 0) {
        setErrors((e) => ({
          ...e,
          ...Object.fromEntries(missing.map((id) => [id, fields[`answers.${id}`]])),
        }))
        toast.error(err)
        const first = items.find((i) => missing.includes(i._id))
        if (first) jumpTo(first._id)
      } else if (
        err instanceof AppError &&
        (err.code === 'CONFLICT' || err.code === 'INVALID_STATE' || err.code === 'NOT_FOUND')
      ) {
        reloadFor(err)
      } else if (!refreshOnAccessError(err)) {
        // NETWORK and the like: the same request id is sent again on the next tap.
        toast.error(err)
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className="fill" data-testid="fill-form">
      <View className="fill-bar" data-testid="fill-bar">
        <View className="fill-bar__main">
          <Text className="fill-bar__progress" data-testid="check-progress">
            已填 {answered}/{items.length}
          </Text>
          <Text className={`fill-bar__save save-state--${overall.key}`} data-testid="save-status">
            {overall.text}
          </Text>
          {firstOpen ? (
            <Text
              className="fill-bar__jump"
              data-testid="jump-open"
              onClick={() => jumpTo(firstOpen._id)}
            >
              下一未填项
            </Text>
          ) : null}
        </View>
        <View className="progress-bar">
          <View
            className="progress-bar__fill"
            style={{ width: `${items.length ? (answered / items.length) * 100 : 0}%` }}
          />
        </View>
      </View>

      {submission?.status === 'returned' && submission.comment ? (
        <View className="return-banner" data-testid="return-comment">
          <Text className="return-banner__title">
            {session.account?.role === 'manager'
              ? '已退回，待修改后重新提交'
              : '项目负责人已退回，请修改后重新提交'}
          </Text>
          <Text className="return-banner__text">退回意见：{submission.comment}</Text>
        </View>
      ) : null}

      {check.categories.map((cat) => {
        const points = cat.items.reduce((s, i) => s + i.points, 0)
        const done = cat.items.filter((i) => complete(i._id)).length
        return (
          <View key={cat.name} className="category">
            <View className="category__head">
              <Text className="category__name">{cat.name}</Text>
              <Text className="category__meta">
                {done}/{cat.items.length} 项 · {points} 分
              </Text>
            </View>
            {cat.items.map((item) => (
              <ItemEditor
                key={item._id}
                item={item}
                answer={answers[item._id]}
                error={errors[item._id]}
                state={saveState[item._id]}
                uploading={uploading[item._id] ?? 0}
                urls={urls}
                onResult={(result) => {
                  const a = answersRef.current[item._id]
                  update(item._id, { ...a, result, photos: a?.photos ?? [] }, 'now')
                }}
                onNote={(note) => {
                  const a = answersRef.current[item._id]
                  if (a) update(item._id, { ...a, note }, 'later')
                }}
                onNoteDone={() => {
                  const a = answersRef.current[item._id]
                  if (a) setError(item._id, answerError(a))
                  if (timers.current[item._id]) void save(item._id)
                }}
                onAddPhotos={() => void addPhotos(item._id)}
                onRemovePhoto={(fileID) => void removePhoto(item._id, fileID)}
                onRetry={() => void save(item._id)}
              />
            ))}
          </View>
        )
      })}

      <View className="fill__submit" data-testid="check-submit">
        <AtButton type="primary" loading={submitting} onClick={() => void submit()}>
          {submission?.status === 'returned' ? '重新提交' : '提交'}
        </AtButton>
      </View>
      {dialog}
    </View>
  )
}
