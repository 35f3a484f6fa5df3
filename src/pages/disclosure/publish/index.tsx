import Taro from '@tarojs/taro'
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import {
  ATTACHMENTS_MAX,
  chinaDay,
  CONTENT_MAX,
  DisclosureContract,
  NOTICE_CATEGORIES,
  NoticeFields,
  TITLE_MAX,
  validityErrors,
  type NoticeCategory,
} from '../../../../types/disclosure'
import { AppError } from '../../../../types/errors'
import { fieldErrors } from '../../../../types/fields'
// The gate first: its styles (CloudView, ProjectSwitcher) come before the form's in every page.
import ModuleGate from '../../../components/ModuleGate'
import { useConfirm } from '../../../components/ConfirmDialog'
import FormField, { NO_MAXLENGTH, useFieldErrors } from '../../../components/FormField'
import { newRequestId } from '../../../services/requestId'
import { call } from '../../../services/api'
import {
  chooseFiles,
  sizeText,
  uploadFile,
  type AttachmentKind,
  type ChosenFile,
} from '../../../services/attachments'
import { toast } from '../../../services/toast'
import { useSession } from '../../../session'
import '../disclosure.scss'

const DAY = 86_400_000

interface Item {
  key: string
  file: ChosenFile
  kind: AttachmentKind
  /** 0…1 while uploading; 1 once stored. */
  progress: number
  fileID?: string
  url?: string
  failed?: boolean
}

let seq = 0

function PublishForm({ projectId }: { projectId: string | undefined }) {
  const { refreshOnAccessError } = useSession()
  const { dialog, ask } = useConfirm()
  const [today] = useState(() => chinaDay(Date.now()))
  const [category, setCategory] = useState<NoticeCategory | undefined>()
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [validFrom, setValidFrom] = useState(today)
  const [validUntil, setValidUntil] = useState(() => chinaDay(Date.now() + 30 * DAY))
  const [items, setItems] = useState<Item[]>([])
  const itemsRef = useRef<Item[]>([])
  const { errors, setErrors, edited } = useFieldErrors()
  const [busy, setBusy] = useState(false)
  const request = useRef(newRequestId())

  const setItemsBoth = (next: Item[]) => {
    itemsRef.current = next
    setItems(next)
  }
  const patch = (key: string, p: Partial<Item>) =>
    setItemsBoth(itemsRef.current.map((i) => (i.key === key ? { ...i, ...p } : i)))

  const upload = async (item: Item) => {
    patch(item.key, { progress: 0, failed: false })
    try {
      const res = await uploadFile(projectId, item.file, (done) =>
        patch(item.key, { progress: done }),
      )
      patch(item.key, { progress: 1, fileID: res.fileID, url: res.url })
    } catch (err) {
      patch(item.key, { failed: true })
      if (!refreshOnAccessError(err)) toast.error(err)
    }
  }

  const add = async (kind: AttachmentKind) => {
    const room = ATTACHMENTS_MAX - itemsRef.current.length
    if (room <= 0) {
      toast.info(`最多${ATTACHMENTS_MAX}个附件`)
      return
    }
    let files: ChosenFile[]
    try {
      files = (await chooseFiles(kind, room)).slice(0, room)
    } catch (err) {
      toast.error(err)
      return
    }
    const added = files.map((file) => ({ key: `f${++seq}`, file, kind, progress: 0 }))
    setItemsBoth([...itemsRef.current, ...added])
    edited('attachments')
    for (const item of added) await upload(item)
  }

  const remove = async (item: Item) => {
    const ok = await ask({
      title: '移除附件',
      content: `确定移除“${item.file.name}”？`,
      confirmText: '移除',
      danger: true,
    })
    if (!ok) return
    setItemsBoth(itemsRef.current.filter((i) => i.key !== item.key))
    edited('attachments')
  }

  const input = () => ({
    projectId,
    // Blank until chosen: the shared rule names it (请选择公开类别).
    category: (category ?? '') as NoticeCategory,
    title,
    content,
    validFrom,
    validUntil,
    attachments: itemsRef.current
      .filter((i) => i.fileID)
      .map((i) => ({ fileID: i.fileID!, name: i.file.name })),
    requestId: request.current,
  })

  const check = (): Record<string, string> => {
    const parsed = NoticeFields.safeParse(input())
    const found = parsed.success ? {} : fieldErrors(parsed.error)
    return { ...found, ...validityErrors(validFrom, validUntil, today) }
  }

  const submit = async () => {
    if (busy) return
    const found = check()
    if (itemsRef.current.some((i) => !i.fileID)) {
      found.attachments = itemsRef.current.some((i) => i.failed)
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
    setBusy(true)
    try {
      const notice = await call(DisclosureContract, 'publish', input())
      toast.success('已发布')
      void Taro.redirectTo({ url: `/pages/disclosure/detail/index?noticeId=${notice._id}` })
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        const mapped: Record<string, string> = {}
        for (const [k, m] of Object.entries(err.fields)) {
          mapped[k.startsWith('attachments') ? 'attachments' : k] = m
        }
        setErrors(mapped)
        // A refused request may be sent again once corrected: a new intent, a new id.
        request.current = newRequestId()
      }
      if (!refreshOnAccessError(err)) toast.error(err)
    } finally {
      setBusy(false)
    }
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
        <FormField
          name="attachments"
          label="附件"
          hint={`图片（JPG、PNG）或 PDF 文件，最多${ATTACHMENTS_MAX}个，每个不超过10MB`}
          error={errors.attachments}
        >
          <View className="dc-files" data-testid="attachments">
            {items.map((i) => (
              <View
                key={i.key}
                className="dc-file"
                data-testid="attachment"
                data-state={i.fileID ? 'done' : i.failed ? 'failed' : 'uploading'}
              >
                {i.kind === 'image' ? (
                  <Image className="dc-file__thumb" src={i.file.path} mode="aspectFill" />
                ) : (
                  <Text className="dc-file__pdf">PDF</Text>
                )}
                <View className="dc-file__body">
                  <Text className="dc-file__name">{i.file.name}</Text>
                  <Text className="dc-file__size">
                    {sizeText(i.file.size)}
                    {i.fileID
                      ? ' · 已上传'
                      : i.failed
                        ? ' · 上传失败'
                        : ` · 上传中 ${Math.round(i.progress * 100)}%`}
                  </Text>
                </View>
                {i.failed ? (
                  <Text className="dc-file__action" onClick={() => void upload(i)}>
                    重试
                  </Text>
                ) : null}
                <Text
                  className="dc-file__action dc-file__action--remove"
                  data-testid="attachment-remove"
                  onClick={() => void remove(i)}
                >
                  移除
                </Text>
              </View>
            ))}
            <View className="dc-files__add">
              <View className="dc-add" data-testid="add-image" onClick={() => void add('image')}>
                + 图片
              </View>
              <View className="dc-add" data-testid="add-pdf" onClick={() => void add('pdf')}>
                + PDF 文件
              </View>
            </View>
          </View>
        </FormField>
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
export default function DisclosurePublishPage() {
  return (
    <View className="page disclosure">
      <ModuleGate code="disclosure" switcher={false}>
        {({ projectId }) => <PublishForm key={projectId} projectId={projectId} />}
      </ModuleGate>
    </View>
  )
}
