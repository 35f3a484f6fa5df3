import { Image, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { AtActivityIndicator, AtButton } from 'taro-ui'
import { AppError } from '../../../types/errors'
import { PC_LOGIN, PcLoginContract, type LoginCode } from '../../../types/pclogin'
import { call } from '../../services/api'
import { errorText } from '../../services/reply'
import { withClassName } from '../className'
import './index.scss'

export interface ScanLoginProps {
  /** The phone confirmed: `ticket` signs this computer in (the caller does, then refreshes). */
  onApproved: (ticket: string) => Promise<void>
  /** Why the computer is here again (the last session ended), shown above the code. */
  notice?: string
  /** Classes added to the root, after its own. */
  className?: string
}

/** How often the computer asks whether the phone decided (the manual asks for about 2 s). */
const POLL_MS = 1500

type Phase =
  | { kind: 'loading' }
  | { kind: 'showing'; code: LoginCode }
  | { kind: 'closed'; text: string }
  | { kind: 'signingIn' }

/**
 * 扫码登录: the mini program code of a one-time login request, its time left counting down, and
 * 刷新二维码. It polls until the phone confirms (then hands the ticket to `onApproved`), cancels,
 * or the code expires; each is said in place of the code.
 */
export default function ScanLogin({ onApproved, notice, className }: ScanLoginProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  /** Seconds the code on screen has left (counted from when it arrived). */
  const [left, setLeft] = useState(0)
  const alive = useRef(true)
  const generation = useRef(0)

  /** Asks for a code; only the latest ask is shown. */
  const load = useCallback(async (mine: number) => {
    try {
      const code = await call(PcLoginContract, 'request', {})
      if (!alive.current || mine !== generation.current) return
      setPhase({ kind: 'showing', code })
      setLeft(Math.round(PC_LOGIN.requestTtlMs / 1000))
    } catch (err) {
      if (alive.current && mine === generation.current)
        setPhase({ kind: 'closed', text: errorText(err) })
    }
  }, [])

  const fresh = () => {
    setPhase({ kind: 'loading' })
    void load(++generation.current)
  }

  useEffect(() => {
    alive.current = true
    void load(++generation.current)
    return () => {
      alive.current = false
    }
  }, [load])

  // The countdown and the polling, while a code is on screen.
  const showing = phase.kind === 'showing' ? phase : null
  useEffect(() => {
    if (!showing) return
    const mine = generation.current
    let busy = false
    const tick = setInterval(() => setLeft((l) => Math.max(0, l - 1)), 1000)
    const poll = setInterval(async () => {
      if (busy) return
      busy = true
      try {
        const { loginId, secret } = showing.code
        const answer = await call(PcLoginContract, 'poll', { loginId, secret })
        if (!alive.current || mine !== generation.current) return
        if (answer.status === 'approved') {
          generation.current++
          setPhase({ kind: 'signingIn' })
          await onApproved(answer.ticket).catch((err: unknown) =>
            setPhase({ kind: 'closed', text: errorText(err) }),
          )
        } else if (answer.status === 'cancelled') {
          setPhase({ kind: 'closed', text: '已在手机上取消登录' })
        } else if (answer.status === 'expired') {
          setPhase({ kind: 'closed', text: '二维码已过期' })
        }
      } catch (err) {
        // A blip of the network: the next poll tries again; anything else ends this code.
        if (!(err instanceof AppError && err.code === 'NETWORK') && alive.current)
          setPhase({ kind: 'closed', text: errorText(err) })
      } finally {
        busy = false
      }
    }, POLL_MS)
    return () => {
      clearInterval(tick)
      clearInterval(poll)
    }
  }, [showing, onApproved])

  return (
    <View className={withClassName('kit-scan-login', className)} data-testid="scan-login">
      <Text className="kit-scan-login__title">扫码登录</Text>
      <Text className="kit-scan-login__hint">
        请使用微信扫描二维码，在手机上确认后即可登录物业管理信息平台
      </Text>
      {notice ? <Text className="kit-scan-login__notice">{notice}</Text> : null}
      <View className="kit-scan-login__code">
        {phase.kind === 'showing' ? (
          <Image
            className="kit-scan-login__image"
            src={phase.code.image}
            mode="aspectFit"
            data-testid="scan-login-code"
            data-login-id={phase.code.loginId}
          />
        ) : phase.kind === 'closed' ? (
          <Text className="kit-scan-login__closed" data-testid="scan-login-closed">
            {phase.text}
          </Text>
        ) : (
          <AtActivityIndicator content={phase.kind === 'signingIn' ? '正在登录…' : '加载中…'} />
        )}
      </View>
      {showing ? (
        <Text className="kit-scan-login__left" data-testid="scan-login-left">
          {left > 0 ? `二维码 ${left} 秒后过期` : '二维码已过期'}
        </Text>
      ) : null}
      <AtButton className="kit-scan-login__refresh" onClick={fresh}>
        刷新二维码
      </AtButton>
      <Text className="kit-scan-login__foot">
        身份认证、更换手机号、解除绑定等与微信相关的操作请在小程序中进行
      </Text>
    </View>
  )
}
