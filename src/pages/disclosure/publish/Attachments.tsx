import { Image, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ATTACHMENTS_MAX } from '../../../../types/disclosure'
import type { Ask } from '../../../components/ConfirmDialog'
import FormField from '../../../components/FormField'
import { useModuleAction } from '../../../hooks/useModuleAction'
import {
  chooseFiles,
  sizeText,
  uploadFile,
  type AttachmentKind,
  type ChosenFile,
} from '../../../services/attachments'
import { toast } from '../../../services/toast'

/** One attachment of the form, uploaded as soon as it is chosen. */
export interface Item {
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

/**
 * The form's attachments: chosen (at most ATTACHMENTS_MAX), each uploaded at once with its
 * progress (重试 after a failure), removed after asking. `onChange` is told of every addition or
 * removal (the field's message is cleared); `current()` is the list as it is now.
 */
export function useAttachments(projectId: string | undefined, ask: Ask, onChange: () => void) {
  const { fail } = useModuleAction()
  const [items, setItems] = useState<Item[]>([])
  // The uploads run on after a render: they read and patch the latest list.
  const itemsRef = useRef<Item[]>([])

  const setBoth = (next: Item[]) => {
    itemsRef.current = next
    setItems(next)
  }
  const patch = (key: string, p: Partial<Item>) =>
    setBoth(itemsRef.current.map((i) => (i.key === key ? { ...i, ...p } : i)))

  const upload = async (item: Item) => {
    patch(item.key, { progress: 0, failed: false })
    try {
      const res = await uploadFile(projectId, item.file, (done) =>
        patch(item.key, { progress: done }),
      )
      patch(item.key, { progress: 1, fileID: res.fileID, url: res.url })
    } catch (err) {
      patch(item.key, { failed: true })
      fail(err)
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
    setBoth([...itemsRef.current, ...added])
    onChange()
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
    setBoth(itemsRef.current.filter((i) => i.key !== item.key))
    onChange()
  }

  return { items, current: () => itemsRef.current, upload, add, remove }
}

function stateText(i: Item): string {
  if (i.fileID) return ' · 已上传'
  return i.failed ? ' · 上传失败' : ` · 上传中 ${Math.round(i.progress * 100)}%`
}

interface FieldProps {
  error: string | undefined
  items: Item[]
  onAdd: (kind: AttachmentKind) => void
  onRetry: (item: Item) => void
  onRemove: (item: Item) => void
}

/** 附件: each file with its upload's state, 重试 and 移除; + 图片 and + PDF 文件. */
export function AttachmentsField({ error, items, onAdd, onRetry, onRemove }: FieldProps) {
  return (
    <FormField
      name="attachments"
      label="附件"
      hint={`图片（JPG、PNG）或 PDF 文件，最多${ATTACHMENTS_MAX}个，每个不超过10MB`}
      error={error}
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
                {stateText(i)}
              </Text>
            </View>
            {i.failed ? (
              <Text className="dc-file__action" onClick={() => onRetry(i)}>
                重试
              </Text>
            ) : null}
            <Text
              className="dc-file__action dc-file__action--remove"
              data-testid="attachment-remove"
              onClick={() => onRemove(i)}
            >
              移除
            </Text>
          </View>
        ))}
        <View className="dc-files__add">
          <View className="dc-add" data-testid="add-image" onClick={() => onAdd('image')}>
            + 图片
          </View>
          <View className="dc-add" data-testid="add-pdf" onClick={() => onAdd('pdf')}>
            + PDF 文件
          </View>
        </View>
      </View>
    </FormField>
  )
}
