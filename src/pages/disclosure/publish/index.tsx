import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import {
  chinaDay,
  CONTENT_MAX,
  DisclosureContract,
  NOTICE_CATEGORIES,
  NoticeFields,
  TITLE_MAX,
  validityErrors,
  type NoticeCategory,
} from '../../../../types/disclosure'
import type { AppError } from '../../../../types/errors'
import { fieldErrors } from '../../../../types/fields'
// The gate first: its styles (CloudView, ProjectSwitcher) come before the form's in every page.
import { modulePage } from '../../../components/ModuleGate'
import { useConfirm } from '../../../components/ConfirmDialog'
import FormField, { NO_MAXLENGTH, useFieldErrors } from '../../../components/FormField'
import { newRequestId } from '../../../services/requestId'
import { useModuleAction } from '../../../hooks/useModuleAction'
import { toast } from '../../../services/toast'
import { AttachmentsField, useAttachments } from './Attachments'
import '../disclosure.scss'

const DAY = 86_400_000

function PublishForm({ projectId }: { projectId: string | undefined }) {
  const { dialog, ask } = useConfirm()
  const { busy, run } = useModuleAction()
  const [today] = useState(() => chinaDay(Date.now()))
  const [category, setCategory] = useState<NoticeCategory | undefined>()
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [validFrom, setValidFrom] = useState(today)
  const [validUntil, setValidUntil] = useState(() => chinaDay(Date.now() + 30 * DAY))
  const { errors, setErrors, edited } = useFieldErrors()
  const request = useRef(newRequestId())

  const files = useAttachments(projectId, ask, () => edited('attachments'))

  const input = () => ({
    projectId,
    // Blank until chosen: the shared rule names it (请选择公开类别).
    category: (category ?? '') as NoticeCategory,
    title,
    content,
    validFrom,
    validUntil,
    attachments: files
      .current()
      .filter((i) => i.fileID)
      .map((i) => ({ fileID: i.fileID!, name: i.file.name })),
    requestId: request.current,
  })

  const check = (): Record<string, string> => {
    const parsed = NoticeFields.safeParse(input())
    const found = parsed.success ? {} : fieldErrors(parsed.error)
    return { ...found, ...validityErrors(validFrom, validUntil, today) }
  }

  /** The function's field messages go under their fields; the toast says it too. */
  const refused = (err: AppError) => {
    if (!err.fields) return false
    const mapped: Record<string, string> = {}
    for (const [k, m] of Object.entries(err.fields)) {
      mapped[k.startsWith('attachments') ? 'attachments' : k] = m
    }
    setErrors(mapped)
    // A refused request may be sent again once corrected: a new intent, a new id.
    request.current = newRequestId()
    return false
  }

  const submit = async () => {
    if (busy) return
    const found = check()
    if (files.current().some((i) => !i.fileID)) {
      found.attachments = files.current().some((i) => i.failed)
        ? '有附件上传失败，请重试或移除'
        : '附件正在上传，请稍候'
    }
    setErrors(found)
    const [first] = Object.keys(found)
    if (first) {
      toast.info(found[first])
      return
    }
    const ok = await ask({
      title: '发布信息公开',
      content: `“${title.trim()}”将向本项目公示至 ${validUntil}。确定发布？`,
      confirmText: '发布',
    })
    if (!ok) return
    const r = await run(DisclosureContract, 'publish', input(), {
      done: '已发布',
      onError: refused,
    })
    if (r.ok) void Taro.redirectTo({ url: `/pages/disclosure/detail/index?noticeId=${r.data._id}` })
  }

  return (
    <View className="dc-form" data-testid="publish-form">
      <View className="card dc-form__card">
        <FormField name="category" label="公开类别" required error={errors.category}>
          <View className="dc-chips">
            {NOTICE_CATEGORIES.map((c) => (
              <View
                key={c}
                className={`dc-chip${category === c ? ' dc-chip--on' : ''}`}
                data-testid={`category-${c}`}
                onClick={() => {
                  setCategory(c)
                  edited('category')
                }}
              >
                {c}
              </View>
            ))}
          </View>
        </FormField>
        <FormField
          name="title"
          label="标题"
          required
          error={errors.title}
          count={{ value: title, max: TITLE_MAX }}
        >
          <View className="dc-control">
            <Input
              className="dc-input"
              name="title"
              value={title}
              maxlength={NO_MAXLENGTH}
              placeholder="如：2026年第四季度公共收益公示"
              onInput={(e) => {
                setTitle(e.detail.value)
                edited('title')
              }}
            />
          </View>
        </FormField>
        <FormField
          name="content"
          label="内容"
          required
          error={errors.content}
          count={{ value: content, max: CONTENT_MAX }}
        >
          <Textarea
            className="dc-textarea"
            value={content}
            maxlength={NO_MAXLENGTH}
            placeholder="公示的内容"
            onInput={(e) => {
              setContent(e.detail.value)
              edited('content')
            }}
          />
        </FormField>
        <FormField
          name="validity"
          label="有效期"
          required
          error={errors.validFrom || errors.validUntil}
        >
          <View className="dc-dates">
            <Picker
              mode="date"
              value={validFrom}
              onChange={(e) => {
                setValidFrom(e.detail.value)
                edited('validFrom', 'validUntil')
              }}
            >
              <View className="dc-date" data-testid="valid-from">
                {validFrom}
              </View>
            </Picker>
            <Text className="dc-filters__dash">至</Text>
            <Picker
              mode="date"
              value={validUntil}
              start={validFrom}
              onChange={(e) => {
                setValidUntil(e.detail.value)
                edited('validFrom', 'validUntil')
              }}
            >
              <View className="dc-date" data-testid="valid-until">
                {validUntil}
              </View>
            </Picker>
          </View>
        </FormField>
        <AttachmentsField
          error={errors.attachments}
          items={files.items}
          onAdd={(kind) => void files.add(kind)}
          onRetry={(i) => void files.upload(i)}
          onRemove={(i) => void files.remove(i)}
        />
      </View>
      <View className="dc-publish" data-testid="publish-submit">
        <AtButton type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
          发布
        </AtButton>
      </View>
      {dialog}
    </View>
  )
}

/** 发布信息公开: category, title, content, validity and attachments. */
export default modulePage('disclosure', PublishForm, { className: 'disclosure', switcher: false })
