import { useCallback, useRef, useState } from 'react'
import { AtModal } from 'taro-ui'

export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
}

/**
 * An AtModal asked like Taro.showModal: `if (await ask({ title, content })) …`. Render `modal`
 * once in the page.
 */
export function useConfirm() {
  const [open, setOpen] = useState(false)
  const [opts, setOpts] = useState<ConfirmOptions>({ title: '', content: '' })
  const resolver = useRef<((ok: boolean) => void) | null>(null)

  const ask = useCallback((o: ConfirmOptions) => {
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

  const modal = (
    <AtModal
      className="confirm-modal"
      isOpened={open}
      title={opts.title}
      content={opts.content}
      cancelText="取消"
      confirmText={opts.confirmText ?? '确定'}
      onCancel={() => close(false)}
      onConfirm={() => close(true)}
      onClose={() => close(false)}
    />
  )
  return { modal, ask }
}
