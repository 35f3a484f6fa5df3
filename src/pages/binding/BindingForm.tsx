import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { AtButton, AtIcon, AtInput } from 'taro-ui'
import type { Session } from '../../../types/account'
import { BindingContract, BindingInput, type ProjectSummary } from '../../../types/binding'
import { AppError } from '../../../types/errors'
import { fieldErrors } from '../../../types/fields'
import FormField from '../../components/FormField'
import { SmsCodeField, requestSmsCode } from '../../components/SmsCode'
import { newRequestId } from '../../services/requestId'
import { call } from '../../services/api'
import { askForNotices } from '../../services/subscribe'
import { toast } from '../../services/toast'
import { COLORS } from '../../styles/colors'
import ProjectPicker from './ProjectPicker'
import {
  clearDraft,
  isEmptyDraft,
  loadDraft,
  saveDraft,
  type BindingDraft,
  type Category,
} from './draft'

const CATEGORIES: { value: Category; title: string; desc: string }[] = [
  { value: 'property', title: '物业服务', desc: '物业服务企业的项目经办人、项目负责人' },
  { value: 'committee', title: '业委会人员', desc: '业主委员会委员、执行秘书' },
]

/** The fields a user types; the rest of BindingInput.submit is the page's business. */
type Field = 'category' | 'name' | 'phone' | 'code' | 'projectId'
type Errors = Partial<Record<Field, string>>
const FIELDS: readonly Field[] = ['category', 'name', 'phone', 'code', 'projectId']
const shape = BindingInput.submit.shape

/** The first message of a shared rule for one value, or '' when it passes. */
function check(field: 'name' | 'phone' | 'code', value: string): string {
  const r = shape[field].safeParse(value)
  return r.success ? '' : r.error.issues[0].message
}

interface Props {
  /** A rejected account's name and phone, to start from when there is no draft. */
  prefill?: { name: string; phone: string } | null
  /** Subscribe-message template telling a handler the manager's decision. */
  resultTemplate?: string
  onDone: (session: Session) => void
}

/** Brings a field into view (best effort: not every platform scrolls by selector). */
function scrollTo(selector: string) {
  try {
    void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined)
  } catch {
    // No pageScrollTo here: the message is still under the field.
  }
}

/** Where a field's message is, for scrolling it into view. */
const fieldSelector = (f: Field) =>
  f === 'category' ? '.binding__categories' : `.form-field--${f}`

/**
 * 身份认证: 人员类别, 所在项目, 姓名, 手机号码, 验证码, 提交信息. 所在项目 is asked in its place,
 * before the code: a handler must choose it (the project's manager authorizes); a manager in the
 * platform's registry may leave it empty, the server takes the registry's projects. The server
 * decides who is which: a submit without a project from someone not in the registry comes back
 * with the field's message under 所在项目, before the code is checked.
 */
/** 人员类别: 物业服务 or 业委会人员, with its inline error. */
function CategoryChooser(props: {
  value: Category | null
  error?: string
  onChange: (category: Category) => void
}) {
  return (
    <>
      <Text className="section-title">人员类别</Text>
      <View className="binding__categories">
        {CATEGORIES.map((c) => {
          const on = props.value === c.value
          return (
            <View
              key={c.value}
              className={`binding__category${on ? ' binding__category--on' : ''}`}
              data-category={c.value}
              data-testid={`category-${c.value}`}
              onClick={() => props.onChange(c.value)}
            >
              <View className="binding__category-head">
                <Text className="binding__category-title">{c.title}</Text>
                <View className="binding__radio">
                  {on ? <AtIcon value="check" size="12" color={COLORS.onPrimary} /> : null}
                </View>
              </View>
              <Text className="binding__category-desc">{c.desc}</Text>
            </View>
          )
        })}
      </View>
      {props.error ? (
        <Text
          className="form-field__error binding__category-error"
          data-testid="field-category-error"
        >
          {props.error}
        </Text>
      ) : null}
    </>
  )
}

/** 所在项目: a handler's project (a registered manager may leave it empty). */
function ProjectSection(props: {
  value: ProjectSummary | null
  error?: string
  onChange: (project: ProjectSummary | null) => void
}) {
  return (
    <>
      <Text className="section-title">所在项目</Text>
      <View className="card binding__project-card">
        <FormField name="projectId" error={props.error}>
          <Text className="binding__hint">
            项目经办人请选择所在项目，提交后由该项目的负责人授权；已在平台备案的项目负责人可不选。
          </Text>
          <ProjectPicker value={props.value} onChange={props.onChange} />
        </FormField>
      </View>
    </>
  )
}

export default function BindingForm({ prefill, resultTemplate, onDone }: Props) {
  const [draft, setDraft] = useState<BindingDraft>(() => {
    const d = loadDraft()
    return isEmptyDraft(d) && prefill ? { ...d, name: prefill.name, phone: prefill.phone } : d
  })
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [sending, setSending] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  /** One id per intent: kept while the inputs stay the same, so a retry is recognised. */
  const requestId = useRef<string | null>(null)

  useEffect(() => saveDraft(draft), [draft])

  const update = (patch: Partial<BindingDraft>, field?: Field) => {
    requestId.current = null
    setDraft((d) => ({ ...d, ...patch }))
    if (field) setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }

  const blurCheck = (field: 'name' | 'phone' | 'code', value: string) => {
    if (!value.trim()) return
    setErrors((e) => ({ ...e, [field]: check(field, value) || undefined }))
  }

  /**
   * Shows a server error: its per-field messages inline (验证码错误，还可尝试4次 under 验证码, 请选择
   * 所在项目 under 所在项目) with the first scrolled into view, anything else as a toast.
   */
  const showError = (err: unknown) => {
    const inline: Errors = {}
    if (err instanceof AppError) {
      for (const [k, msg] of Object.entries(err.fields ?? {}))
        if ((FIELDS as readonly string[]).includes(k)) inline[k as Field] = msg
      // A code error without a field message still belongs under 验证码.
      if (!inline.code && (err.code === 'CODE_INVALID' || err.code === 'CODE_EXPIRED'))
        inline.code = err.message
    }
    const first = FIELDS.find((f) => inline[f])
    if (!first) {
      toast.error(err)
      return
    }
    setErrors((e) => ({ ...e, ...inline }))
    scrollTo(fieldSelector(first))
  }

  const sendCode = async () => {
    const phoneError = check('phone', draft.phone)
    if (phoneError) {
      setErrors((e) => ({ ...e, phone: phoneError }))
      return
    }
    const phone = draft.phone.trim()
    setSending(true)
    try {
      const at = await requestSmsCode(() => call(BindingContract, 'sendCode', { phone }))
      if (at) setDraft((d) => ({ ...d, resend: { phone, at } }))
      setErrors((e) => ({ ...e, phone: undefined, code: undefined }))
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }

  const submit = async () => {
    if (submitting) return
    // Inside the tap, before any await: WeChat asks "允许接收审核结果通知?" only then.
    askForNotices([resultTemplate])
    const parsed = BindingInput.submit.safeParse({
      category: draft.category ?? undefined,
      name: draft.name,
      phone: draft.phone,
      code,
      requestId: requestId.current ?? newRequestId(),
      ...(draft.project ? { projectId: draft.project._id } : {}),
    })
    const found: Errors = parsed.success ? {} : (fieldErrors(parsed.error) as Errors)
    const shown = FIELDS.filter((f) => found[f])
    if (!parsed.success || shown.length > 0) {
      setErrors(Object.fromEntries(shown.map((f) => [f, found[f]])))
      if (shown.length === 0) toast.info('输入有误，请检查后重试')
      return
    }
    requestId.current = parsed.data.requestId
    setErrors({})
    setSubmitting(true)
    try {
      const session = await call(BindingContract, 'submit', parsed.data)
      requestId.current = null
      clearDraft()
      onDone(session)
    } catch (err) {
      // A refused submit changed nothing: the next tap is a new intent.
      if (err instanceof AppError && err.code !== 'NETWORK' && err.code !== 'INTERNAL')
        requestId.current = null
      showError(err)
    } finally {
      setSubmitting(false)
    }
  }

  const resendLeft = draft.resend && draft.resend.phone === draft.phone.trim() ? draft.resend.at : 0

  return (
    <View className="binding__form">
      <CategoryChooser
        value={draft.category}
        error={errors.category}
        onChange={(category) => update({ category }, 'category')}
      />

      <ProjectSection
        value={draft.project}
        error={errors.projectId}
        onChange={(project) => update({ project }, 'projectId')}
      />

      <Text className="section-title">基本信息</Text>
      <View className="form-card binding__fields">
        <FormField name="name" error={errors.name}>
          <AtInput
            name="binding-name"
            title="姓名"
            placeholder="请输入真实姓名"
            maxlength={20}
            value={draft.name}
            error={!!errors.name}
            onChange={(v: string) => {
              if (v !== draft.name) update({ name: v }, 'name')
            }}
            onBlur={(v: string) => blurCheck('name', v)}
          />
        </FormField>
        <FormField name="phone" error={errors.phone}>
          <AtInput
            name="binding-phone"
            title="手机号码"
            type="phone"
            placeholder="请输入手机号码"
            value={draft.phone}
            error={!!errors.phone}
            onChange={(v: string) => {
              if (v !== draft.phone) update({ phone: v }, 'phone')
            }}
            onBlur={(v: string) => blurCheck('phone', v)}
          />
        </FormField>
        <SmsCodeField
          inputName="binding-code"
          value={code}
          error={errors.code}
          onChange={(v) => {
            requestId.current = null
            setCode(v)
            setErrors((e) => (e.code ? { ...e, code: undefined } : e))
          }}
          onBlur={(v: string) => blurCheck('code', v)}
          resendAt={resendLeft}
          sent={!!draft.resend}
          sending={sending}
          onSend={() => void sendCode()}
        />
      </View>

      <View className="binding__submit">
        <View data-testid="binding-submit">
          <AtButton type="primary" loading={submitting} onClick={() => void submit()}>
            提交信息
          </AtButton>
        </View>
        <Text className="binding__note">
          项目负责人的姓名和手机号码与备案一致时直接通过认证；项目经办人提交后须由项目负责人授权。
        </Text>
      </View>
    </View>
  )
}
