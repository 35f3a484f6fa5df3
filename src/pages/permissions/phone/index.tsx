import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtButton, AtInput } from 'taro-ui'
import type { AppError } from '../../../../types/errors'
import { maskPhone } from '../../../../types/display'
import { fieldErrors } from '../../../../types/fields'
import { PermissionsContract, PermissionsInput } from '../../../../types/permissions'
// The gate first: its styles (CloudView, ProjectSwitcher) come before the form's in every page,
// so the mini program's shared stylesheet has one order.
import ModuleGate from '../../../components/ModuleGate'
import FormField from '../../../components/FormField'
import { SmsCodeField, requestSmsCode } from '../../../components/SmsCode'
import { useModuleAction } from '../../../hooks/useModuleAction'
import { call } from '../../../services/api'
import { newRequestId } from '../../../services/requestId'
import { useSession } from '../../../session'
import './index.scss'

type Field = 'phone' | 'code'
type Errors = Partial<Record<Field, string>>
const SAME_PHONE = '新手机号与当前手机号相同'

function check(field: Field, value: string): string {
  const r = PermissionsInput.changePhone.shape[field].safeParse(value)
  return r.success ? '' : r.error.issues[0].message
}

function PhoneForm({ current }: { current: string }) {
  const { refresh } = useSession()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [resend, setResend] = useState<{ phone: string; at: number } | null>(null)
  const [sending, setSending] = useState(false)
  const { busy: submitting, run, fail } = useModuleAction()
  const requestId = useRef<string | null>(null)

  /** A wrong phone or code is said under its field (the rest in a toast). */
  const onError = (err: AppError) => {
    const fields = err.fields ?? {}
    const inline: Errors = {}
    if (fields.phone) inline.phone = fields.phone
    if (fields.code) inline.code = fields.code
    if (!inline.code && err.code.startsWith('CODE_')) inline.code = err.message
    if (!inline.phone && !inline.code) return false
    setErrors((e) => ({ ...e, ...inline }))
    return true
  }

  const phoneError = (v: string) => check('phone', v) || (v.trim() === current ? SAME_PHONE : '')

  const send = async () => {
    const bad = phoneError(phone)
    if (bad) {
      setErrors((e) => ({ ...e, phone: bad }))
      return
    }
    const p = phone.trim()
    setSending(true)
    try {
      const at = await requestSmsCode(() =>
        call(PermissionsContract, 'sendPhoneCode', { phone: p }),
      )
      if (at) setResend({ phone: p, at })
      setErrors({})
    } catch (err) {
      fail(err, { onError })
    } finally {
      setSending(false)
    }
  }

  const submit = async () => {
    if (submitting) return
    const parsed = PermissionsInput.changePhone.safeParse({
      phone,
      code,
      requestId: requestId.current ?? newRequestId(),
    })
    const found: Errors = parsed.success ? {} : (fieldErrors(parsed.error) as Errors)
    if (!found.phone && phone.trim() === current) found.phone = SAME_PHONE
    if (!parsed.success || found.phone || found.code) {
      setErrors({ phone: found.phone, code: found.code })
      return
    }
    requestId.current = parsed.data.requestId
    await run(PermissionsContract, 'changePhone', parsed.data, {
      done: '手机号已更换',
      onError,
      after: async () => {
        requestId.current = null
        // 权限管理 shows the new phone: the session is asked again before going back.
        await refresh()
        setTimeout(() => void Taro.navigateBack(), 800)
      },
    })
  }

  return (
    <View>
      <View className="card">
        <Text className="card__title">更换手机号</Text>
        <Text className="card__text">当前绑定手机：{maskPhone(current)}</Text>
        <Text className="card__text">
          请输入新的手机号码并获取短信验证码，验证通过后账号将绑定新手机号。
        </Text>
      </View>
      <View className="form-card phone__fields">
        <FormField name="phone" error={errors.phone}>
          <AtInput
            name="new-phone"
            title="新手机号"
            type="phone"
            placeholder="请输入新的手机号码"
            value={phone}
            error={!!errors.phone}
            onChange={(v: string) => {
              if (v === phone) return
              requestId.current = null
              setPhone(v)
              setErrors((e) => ({ ...e, phone: undefined }))
            }}
            onBlur={(v: string) => {
              if (v.trim()) setErrors((e) => ({ ...e, phone: phoneError(v) || undefined }))
            }}
          />
        </FormField>
        <SmsCodeField
          inputName="new-phone-code"
          value={code}
          error={errors.code}
          onChange={(v) => {
            requestId.current = null
            setCode(v)
            setErrors((e) => ({ ...e, code: undefined }))
          }}
          resendAt={resend && resend.phone === phone.trim() ? resend.at : 0}
          sent={!!resend}
          sending={sending}
          onSend={() => void send()}
        />
      </View>
      <View className="phone__submit">
        <View data-testid="change-phone-submit">
          <AtButton type="primary" loading={submitting} onClick={() => void submit()}>
            确认更换
          </AtButton>
        </View>
      </View>
    </View>
  )
}

/** 更换手机号 (handlers): new phone + SMS code, then permissions.changePhone. */
export default function ChangePhonePage() {
  return (
    <View className="page phone">
      <ModuleGate code="permissions" switcher={false}>
        {({ account }) =>
          account.role === 'handler' ? (
            <PhoneForm current={account.phone} />
          ) : (
            <View className="card">
              <Text className="card__text">只有已授权的项目经办人可以在此更换手机号。</Text>
            </View>
          )
        }
      </ModuleGate>
    </View>
  )
}
