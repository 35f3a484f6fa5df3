import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { AtModal, AtModalAction, AtModalContent, AtModalHeader } from 'taro-ui'
import { charCount, NO_MAXLENGTH } from '../FormField'
import { withClassName } from '../className'
import './index.scss'

export interface ReasonDialogProps {
  /** The dialog is shown (its text starts empty each time it opens). */
  open: boolean
  /** The dialog's heading (取消公示). */
  title: string
  /** What the reason is for, above the box. */
  prompt: string
  /** The box's placeholder. */
  placeholder: string
  /** The confirm button's text (确定取消). */
  confirmText: string
  /** The longest reason, in characters (code points). */
  max: number
  /** A call is under way: the confirm button is disabled (default false). */
  busy?: boolean
  /** 返回, or a tap outside the dialog. */
  onCancel: () => void
  /** Called with the trimmed reason once it is non-empty and within `max`. */
  onConfirm: (reason: string) => void
  /** Classes added to the dialog's root (its AtModal), after its own. */
  className?: string
}

/**
 * A dialog asking for a reason (取消公示, 作废 …): the text is required, at most `max` characters.
 */
export default function ReasonDialog(props: ReasonDialogProps) {
  const { open, title, prompt, placeholder, confirmText, max, busy = false, className } = props
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const confirm = () => {
    const reason = text.trim()
    if (!reason) return setError('请填写原因')
    if (charCount(reason) > max) return setError(`不能超过${max}个字`)
    setError('')
    props.onConfirm(reason)
  }
  return (
    <AtModal
      className={withClassName('reason-dialog', className)}
      isOpened={open}
      onClose={props.onCancel}
    >
      <AtModalHeader>{title}</AtModalHeader>
      <AtModalContent>
        {open ? (
          <View className="reason-dialog__body">
            <Text className="reason-dialog__prompt">{prompt}</Text>
            <Textarea
              className="reason-dialog__input"
              data-testid="reason-input"
              value={text}
              maxlength={NO_MAXLENGTH}
              placeholder={placeholder}
              onInput={(e) => {
                setText(e.detail.value)
                if (error) setError('')
              }}
            />
            <Text
              className={`reason-dialog__count${charCount(text) > max ? ' reason-dialog__count--over' : ''}`}
              data-testid="reason-count"
            >
              字数 {charCount(text)}/{max}
            </Text>
            {error ? (
              <Text className="reason-dialog__error" data-testid="reason-error">
                {error}
              </Text>
            ) : null}
          </View>
        ) : null}
      </AtModalContent>
      <AtModalAction isSimple>
        <Button data-testid="reason-cancel" onClick={props.onCancel}>
          返回
        </Button>
        <Button
          className="reason-dialog__ok"
          data-testid="reason-ok"
          disabled={busy}
          onClick={confirm}
        >
          {confirmText}
        </Button>
      </AtModalAction>
    </AtModal>
  )
}
