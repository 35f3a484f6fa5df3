import { Button, Text, View } from '@tarojs/components'
import { useCallback, useRef, useState } from 'react'
import { AtModal, AtModalAction, AtModalContent, AtModalHeader } from 'taro-ui'
import { withClassName } from '../className'
import './index.scss'

export interface ConfirmOptions {
  title: string
  /** Plain text (never HTML): names in it are shown as typed. */
  content: string
  /** Default 确定. */
  confirmText?: string
  /** Default 取消. */
  cancelText?: string
  /** The confirm button in the danger colour (移除, 注销, 解除绑定). */
  danger?: boolean
}

export type Ask = (options: ConfirmOptions) => Promise<boolean>

/** The dialog's props, given once to useConfirm (every question asked shares them). */
export interface ConfirmDialogProps {
  /** Classes added to the dialog's root (its AtModal), after its own. */
  className?: string
}

/**
 * A confirm dialog asked like Taro.showModal, but drawn by the page (taro-ui's AtModal), so it
 * looks the same in WeChat and H5 and tests can find it:
 *
 *   const { dialog, ask } = useConfirm()
 *   if (await ask({ title: '移除经办人', content: '…确定移除？', confirmText: '确定移除', danger: true })) …
 *   return <View>…{dialog}</View>          // render `dialog` once in the page
 *
 * Asking again while open answers the previous question with false.
 */
export function useConfirm({ className }: ConfirmDialogProps = {}): {
  dialog: JSX.Element
  ask: Ask
} {
  const [open, setOpen] = useState(false)
  const [opts, setOpts] = useState<ConfirmOptions>({ title: '', content: '' })
  const resolver = useRef<((ok: boolean) => void) | null>(null)

  const ask = useCallback<Ask>((o) => {
    resolver.current?.(false)
    setOpts(o)
    setOpen(true)
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve
    })
  }, [])

  const close = (ok: boolean) => {
    const resolve = resolver.current
    resolver.current = null
    setOpen(false)
    resolve?.(ok)
  }

  const dialog = (
    <AtModal
      className={withClassName('confirm-dialog', className)}
      isOpened={open}
      onClose={() => close(false)}
    >
      <AtModalHeader>{opts.title}</AtModalHeader>
      <AtModalContent>
        <View className="confirm-dialog__content" data-testid="confirm-content">
          <Text>{opts.content}</Text>
        </View>
      </AtModalContent>
      <AtModalAction isSimple>
        <Button data-testid="confirm-cancel" onClick={() => close(false)}>
          {opts.cancelText ?? '取消'}
        </Button>
        <Button
          className={opts.danger ? 'confirm-dialog__ok--danger' : 'confirm-dialog__ok'}
          data-testid="confirm-ok"
          onClick={() => close(true)}
        >
          {opts.confirmText ?? '确定'}
        </Button>
      </AtModalAction>
    </AtModal>
  )
  return { dialog, ask }
}
