import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import type { CheckDetail } from '../../../types/safety'
import { useConfirm } from '../../components/ConfirmDialog'
import FillBar from './fill/FillBar'
import ItemEditor from './fill/ItemEditor'
import { useCheckDraft } from './fill/useCheckDraft'
import { jumpTo, useCheckSubmit } from './fill/useCheckSubmit'
import { useItemPhotos } from './fill/useItemPhotos'
import { Category } from './ItemCard'

interface Props {
  detail: CheckDetail
  projectId: string | undefined
  session: Session
  /** Loads the check again (after submitting, or when it changed underneath). */
  onReload: () => void
  /** How many items are answered, as it changes (the check's tag follows it). */
  onAnswered?: (count: number) => void
}

/** The manager's 退回 comment over a returned check. */
function ReturnBanner({ comment, manager }: { comment: string; manager: boolean }) {
  return (
    <View className="return-banner" data-testid="return-comment">
      <Text className="return-banner__title">
        {manager ? '已退回，待修改后重新提交' : '项目负责人已退回，请修改后重新提交'}
      </Text>
      <Text className="return-banner__text">退回意见：{comment}</Text>
    </View>
  )
}

/**
 * Filling a check (useDraftForm, one part per item): every change saves its item at once (a
 * note after a pause in typing), so the draft lives on the server; what is not saved yet also
 * waits in Taro storage. 提交 checks every item locally and on the server and submits with a
 * request id kept across retries.
 */
export default function FillForm({ detail, projectId, session, onReload, onAnswered }: Props) {
  const { check, submission } = detail
  const { dialog, ask } = useConfirm()
  const d = useCheckDraft({ detail, projectId, onReload })
  const photos = useItemPhotos(d, projectId, ask)
  const { submit, submitting } = useCheckSubmit(d, {
    projectId,
    session,
    ask,
    uploading: photos.busy,
    onReload,
  })
  const { form, items, complete } = d

  const answered = items.filter((i) => complete(i._id)).length
  useEffect(() => onAnswered?.(answered), [answered, onAnswered])
  const firstOpen = items.find((i) => !complete(i._id))

  const editorOf = (id: string) => ({
    answer: form.values[id],
    error: form.errors[id],
    state: form.states[id],
    uploading: photos.uploading[id] ?? 0,
    onResult: (result: 'ok' | 'problem') => {
      const a = form.valueOf(id)
      form.change(id, { ...a, result, photos: a?.photos ?? [] }, 'now')
    },
    onNote: (note: string) => {
      const a = form.valueOf(id)
      if (a) form.change(id, { ...a, note }, 'later')
    },
    onNoteDone: () => {
      // Left the note: its rule's message now (not while it could still be typed).
      form.setServerErrors({ [id]: '' })
      form.check([id])
      form.flush(id)
    },
    onAddPhotos: () => void photos.add(id),
    onRemovePhoto: (fileID: string) => void photos.remove(id, fileID),
    onRetry: () => void form.save(id),
  })

  return (
    <View className="fill" data-testid="fill-form">
      <FillBar
        answered={answered}
        total={items.length}
        states={Object.values(form.states)}
        onJump={firstOpen ? () => jumpTo(firstOpen._id) : null}
      />
      {submission?.status === 'returned' && submission.comment ? (
        <ReturnBanner comment={submission.comment} manager={session.account?.role === 'manager'} />
      ) : null}
      {check.categories.map((cat) => {
        const points = cat.items.reduce((s, i) => s + i.points, 0)
        const done = cat.items.filter((i) => complete(i._id)).length
        return (
          <Category
            key={cat.name}
            name={cat.name}
            meta={`${done}/${cat.items.length} 项 · ${points} 分`}
          >
            {cat.items.map((item) => (
              <ItemEditor key={item._id} item={item} urls={d.urls} {...editorOf(item._id)} />
            ))}
          </Category>
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
