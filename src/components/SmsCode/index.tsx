import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AtInput } from 'taro-ui'
import type { SendCodeResult } from '../../../types/binding'
import { AppError } from '../../../types/errors'
import { toast } from '../../services/toast'
import { withClassName } from '../className'
import FormField from '../FormField'
import './index.scss'

/**
 * The SMS code pieces of the identity forms (绑定 and 更换手机号): the code button with its resend
 * countdown, the 验证码 row and the code request. `.form-card` is the card those forms hold their
 * AtInput rows in.
 */
/** Seconds left until `until` (epoch ms), ticking once a second while positive. */
export function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const tick = () => setNow(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(() => {
      tick()
      if (Date.now() >= until) clearInterval(timer)
    }, 1000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

export interface SmsCodeButtonProps {
  /** Epoch ms before which another code may not be requested (0: never sent). */
  resendAt: number
  /** A code was sent before (the label says 重新获取 rather than 获取验证码). */
  sent: boolean
  /** A code request is under way: the button says 发送中… and does nothing. */
  sending: boolean
  /** Asks for a code (called only while the button is enabled). */
  onSend: () => void
  /** Classes added to the button's root, after its own. */
  className?: string
}

/** 获取验证码 → 重新获取(59s) → 重新获取. */
export function SmsCodeButton({ resendAt, sent, sending, onSend, className }: SmsCodeButtonProps) {
  const left = useSecondsLeft(resendAt)
  const disabled = sending || left > 0
  const label = sending
    ? '发送中…'
    : left > 0
      ? `重新获取(${left}s)`
      : sent
        ? '重新获取'
        : '获取验证码'
  return (
    <View
      className={withClassName(
        `sms-code-button${disabled ? ' sms-code-button--disabled' : ''}`,
        className,
      )}
      data-testid="sms-code-button"
      onClick={() => {
        if (!disabled) onSend()
      }}
    >
      <Text>{label}</Text>
    </View>
  )
}

export interface SmsCodeFieldProps extends Omit<SmsCodeButtonProps, 'className'> {
  /** The input's name (tests find it by `input[name=…]`). */
  inputName: string
  /** The code as typed. */
  value: string
  /** The inline message under the row (none by default). */
  error?: string
  /** Called only when the text really changed. */
  onChange: (value: string) => void
  /** Called when the input loses focus, with its text. */
  onBlur?: (value: string) => void
  /** Classes added to the row's root (its FormField), after its own. */
  className?: string
}

/** The 验证码 row: a 6-digit input with the SMS code button inside it, and its inline error. */
export function SmsCodeField({
  inputName,
  value,
  error,
  onChange,
  onBlur,
  className,
  ...button
}: SmsCodeFieldProps) {
  return (
    <FormField name="code" error={error} className={className}>
      <AtInput
        name={inputName}
        title="验证码"
        type="number"
        maxlength={6}
        placeholder="6位短信验证码"
        value={value}
        error={!!error}
        border={false}
        onChange={(v: string) => {
          if (v !== value) onChange(v)
        }}
        onBlur={onBlur}
      >
        <SmsCodeButton {...button} />
      </AtInput>
    </FormField>
  )
}

/** Seconds in a RATE_LIMITED message such as 请42秒后再获取验证码, if any. */
export function waitSecondsIn(message: string): number | null {
  const m = /(\d+)\s*秒/.exec(message)
  return m ? Number(m[1]) : null
}

/**
 * Sends a code with `send` (e.g. `() => call(BindingContract, 'sendCode', { phone })`) and tells
 * the user. Resolves with the time (epoch ms) before which another code may not be asked for —
 * also when the server refused for asking too soon (null if it gave no wait); other failures
 * reject.
 */
export async function requestSmsCode(send: () => Promise<SendCodeResult>): Promise<number | null> {
  try {
    const res = await send()
    toast.info('验证码已发送，5分钟内有效')
    return Date.now() + res.resendAfter * 1000
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'RATE_LIMITED') throw err
    toast.error(err)
    const wait = waitSecondsIn(err.message)
    return wait ? Date.now() + wait * 1000 : null
  }
}
