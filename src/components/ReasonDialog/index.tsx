import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { AtModal, AtModalAction, AtModalContent, AtModalHeader } from 'taro-ui'
import { charCount, NO_MAXLENGTH } from '../FormField'
import './index.scss'

interface Props {
  open: boolean
  title: string
  /** What the reason is for, above the box. */
  prompt: string
  placeholder: string
  confirmText: string
  max: number
  busy?: boolean
  onCancel: () => void
  onConfirm: (reason: string) => void
}

/**
 * A dialog asking for a reason (取消公示, 作废 …): the text is required, at most `max` characters.
 */
export default function ReasonDialog(props: Props) {
  const { open, title, prompt, placeholder, confirmText, max, busy } = props
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
    <AtModal className="reason-dialog" isOpened={open} onClose={props.onCancel}>
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
