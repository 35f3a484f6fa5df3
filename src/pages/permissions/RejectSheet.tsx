import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton, AtFloatLayout, AtTextarea } from 'taro-ui'
import { PermissionsInput } from '../../../types/permissions'

interface Props {
  open: boolean
  who: string
  busy: boolean
  onConfirm: (reason: string) => void
  onClose: () => void
}

/** 驳回: the reason is required and the handler will read it. */
export default function RejectSheet({ open, who, busy, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')

  // Each opening starts empty.
  const [wasOpen, setWasOpen] = useState(false)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setReason('')
      setError('')
    }
  }

  const confirm = () => {
    const r = PermissionsInput.reject.shape.reason.safeParse(reason)
    if (!r.success) {
      setError(r.error.issues[0].message)
      return
    }
    onConfirm(r.data)
  }

  return (
    <AtFloatLayout className="reject-sheet" isOpened={open} title="驳回申请" onClose={onClose}>
      <View className="sheet">
        <Text className="sheet__who">{who}</Text>
        {/* A native textarea floats above everything in WeChat: only there while open. */}
        {open ? (
          <AtTextarea
            className="reject-sheet__reason"
            value={reason}
            maxLength={100}
            height={160}
            placeholder="请填写驳回原因（必填），经办人将看到此原因"
            onChange={(v: string) => {
              setReason(v)
              if (error) setError('')
            }}
          />
        ) : null}
        {error ? <Text className="sheet__error">{error}</Text> : null}
        <View className="sheet__actions">
          <AtButton onClick={onClose}>取消</AtButton>
          <AtButton type="primary" loading={busy} onClick={confirm}>
            确认驳回
          </AtButton>
        </View>
      </View>
    </AtFloatLayout>
  )
}
