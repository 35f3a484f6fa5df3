import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import type { AppError } from '../../../types/errors'
import { fieldErrors } from '../../../types/fields'
import { SafetyContract, SafetyInput, type CheckDetail } from '../../../types/safety'
import { useConfirm } from '../../components/ConfirmDialog'
import FormField, { NO_MAXLENGTH } from '../../components/FormField'
import { useDesktop } from '../../hooks/useDesktop'
import { useModuleAction } from '../../hooks/useModuleAction'
import { askForNotices } from '../../services/subscribe'
import AnswerList from './AnswerList'

interface Props {
  detail: CheckDetail
  projectId: string | undefined
  session: Session
  onReload: () => void
}

/** The comment's limit (the contract's shortText(200, '退回意见')). */
const COMMENT_MAX = 200

/**
 * The manager's 待确认 view: every item with its answer and photos large, then 确认 or 退回 (with
 * a comment). A submission that moved meanwhile (another manager, the window closed) reloads.
 */
export default function Review({ detail, projectId, session, onReload }: Props) {
  const { check, submission, photoUrls } = detail
  const { dialog, ask } = useConfirm()
  const { busy, run } = useModuleAction()
  const desktop = useDesktop()
  const [returning, setReturning] = useState(false)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  if (!submission) return null
  const base = { projectId, checkId: check._id, version: submission.version }
  const problems = Object.values(submission.answers).filter((a) => a.result === 'problem').length

  const failure = {
    // A submission that moved meanwhile: the page shows where it stands now.
    onStale: onReload,
    onError: (err: AppError) => {
      if (!err.fields?.comment) return false
      setError(err.fields.comment)
      return true
    },
  }

  const confirm = async () => {
    if (busy) return
    // Inside the tap: WeChat asks whether to tell this manager of the next submission.
    askForNotices([session.subscribe.reviewRequest])
    const ok = await ask({
      title: '确认检查',
      content: `确认「${check.title}」的自查结果（自评得分 ${submission.score ?? 0}/${check.totalPoints} 分）？确认后不能再修改。`,
      confirmText: '确认',
    })
    if (!ok) return
    await run(SafetyContract, 'confirm', base, { done: '已确认', after: onReload, ...failure })
  }

  const sendBack = async () => {
    if (busy) return
    askForNotices([session.subscribe.reviewRequest])
    // The function's own rule: required, at most 200 characters, no control characters.
    const parsed = SafetyInput.return.shape.comment.safeParse(comment)
    if (!parsed.success) {
      setError(fieldErrors(parsed.error)._ ?? '请填写退回意见')
      return
    }
    setError('')
    const ok = await ask({
      title: '退回检查',
      content: `退回后经办人需修改并重新提交。退回意见：${parsed.data}`,
      confirmText: '退回',
      danger: true,
    })
    if (!ok) return
    const input = { ...base, comment: parsed.data }
    await run(SafetyContract, 'return', input, { done: '已退回', after: onReload, ...failure })
  }

  const scoreCard = (
    <View className="review__score card">
      <Text className="review__score-value" data-testid="review-score">
        {submission.score ?? 0}
        <Text className="review__score-total"> / {check.totalPoints} 分</Text>
      </Text>
      <Text className="review__score-line">
        提交人：{submission.submittedByName ?? '—'} · 共 {check.itemCount} 项，{problems} 项有问题
      </Text>
    </View>
  )
  const answerList = (
    <AnswerList check={check} answers={submission.answers} urls={photoUrls} large />
  )
  const actionCard = (
    <View className="review__actions card" data-testid="review-actions">
      {returning ? (
        <View className="review__return">
          <FormField
            name="return-comment"
            label="退回意见"
            required
            error={error}
            count={{ value: comment, max: COMMENT_MAX }}
          >
            <Textarea
              className="review__comment"
              data-testid="return-comment-input"
              value={comment}
              maxlength={NO_MAXLENGTH}
              autoHeight
              placeholder="请说明需要修改的内容"
              onInput={(e) => {
                setComment(e.detail.value)
                if (error) setError('')
              }}
            />
          </FormField>
          <View className="review__buttons">
            <View className="review__button" data-testid="return-cancel">
              <AtButton
                onClick={() => {
                  setReturning(false)
                  setError('')
                }}
              >
                取消
              </AtButton>
            </View>
            <View className="review__button" data-testid="return-send">
              <AtButton type="primary" loading={busy} onClick={() => void sendBack()}>
                确认退回
              </AtButton>
            </View>
          </View>
        </View>
      ) : (
        <View className="review__buttons">
          <View className="review__button" data-testid="review-return">
            <AtButton onClick={() => setReturning(true)}>退回</AtButton>
          </View>
          <View className="review__button" data-testid="review-confirm">
            <AtButton type="primary" loading={busy} onClick={() => void confirm()}>
              确认
            </AtButton>
          </View>
        </View>
      )}
    </View>
  )

  // A computer: the answers in the main column, the score and 确认 / 退回 beside them, kept in
  // view while the answers scroll. A phone: one under another, the decision at the end.
  return (
    <View className={`review${desktop ? ' review--desktop' : ''}`} data-testid="review">
      {desktop ? (
        <>
          <View className="review__main">{answerList}</View>
          <View className="review__side" data-testid="review-side">
            {scoreCard}
            {actionCard}
          </View>
        </>
      ) : (
        <>
          {scoreCard}
          {answerList}
          {actionCard}
        </>
      )}
      {dialog}
    </View>
  )
}
