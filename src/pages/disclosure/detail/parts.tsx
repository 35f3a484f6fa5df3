import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AtButton } from 'taro-ui'
import {
  NOTICE_STATE_LABELS,
  type Attachment,
  type NoticeDetail,
} from '../../../../types/disclosure'

/** The notice as the detail answers it, with its state. */
export type Shown = NoticeDetail['notice']
import { openFile, sizeText } from '../../../services/attachments'
import { toast } from '../../../services/toast'
import { actorOf, dateOnly, dateTime } from '../format'

/** 类别 and 状态, as tags. */
export function Tags({ n }: { n: Shown }) {
  return (
    <View className="dc-row__head">
      <Text className="dc-tag dc-tag--category">{n.category}</Text>
      <Text className={`dc-tag dc-tag--${n.state}`} data-testid="detail-state">
        {NOTICE_STATE_LABELS[n.state]}
      </Text>
    </View>
  )
}

/** Why and by whom it was voided. */
export function VoidReason({ n }: { n: Shown }) {
  if (n.state !== 'voided') return null
  return (
    <Text className="dc-detail__voided" data-testid="detail-void-reason">
      已于 {dateOnly(n.voidedAt)} 由{n.voidedByName}作废：{n.voidReason}
    </Text>
  )
}

/**
 * The computer's side panel: what the phone shows under the title (tags, who, when, validity), as
 * labelled lines beside the content, and the actions under them, in view without scrolling.
 */
export function SideMeta({ n, actions }: { n: Shown; actions: ReactNode }) {
  const line = (label: string, value: string) => (
    <View className="dc-side__line">
      <Text className="dc-side__label">{label}</Text>
      <Text className="dc-side__value">{value}</Text>
    </View>
  )
  return (
    <View className="card dc-side" data-testid="notice-meta">
      <Tags n={n} />
      {line('发布人', n.publishedByName)}
      {line('发布时间', dateTime(n.publishedAt))}
      {line('有效期', `${n.validFrom} 至 ${n.validUntil}`)}
      {line('附件', n.attachments.length ? `${n.attachments.length} 个` : '无')}
      <VoidReason n={n} />
      {actions}
    </View>
  )
}

/** 作废 and 删除, while the notice is published. */
export function Actions(props: {
  d: NoticeDetail
  busy: boolean
  onVoid: () => void
  onRemove: () => void
}) {
  if (props.d.notice.status !== 'published') return null
  return (
    <View className="dc-actions" data-testid="notice-actions">
      <View className="dc-actions__btn" data-testid="void-notice">
        <AtButton disabled={props.busy} onClick={props.onVoid}>
          作废
        </AtButton>
      </View>
      <View className="dc-actions__btn" data-testid="remove-notice">
        <AtButton className="action-danger" disabled={props.busy} onClick={props.onRemove}>
          删除
        </AtButton>
      </View>
    </View>
  )
}

export function Attachments({ list, urls }: { list: Attachment[]; urls: Record<string, string> }) {
  if (list.length === 0) return null
  const open = (a: Attachment) => {
    const url = urls[a.fileID]
    if (!url) {
      toast.info('附件暂时无法打开，请稍后重试')
      return
    }
    openFile(a, url).catch((err) => toast.error(err))
  }
  return (
    <View className="card" data-testid="notice-attachments">
      <Text className="card__title">附件</Text>
      {list.map((a) => (
        <View
          key={a.fileID}
          className="dc-file"
          data-testid="notice-attachment"
          data-kind={a.kind}
          onClick={() => open(a)}
        >
          {a.kind === 'image' && urls[a.fileID] ? (
            <Image className="dc-file__thumb" src={urls[a.fileID]} mode="aspectFill" />
          ) : (
            <Text className="dc-file__pdf">{a.kind === 'pdf' ? 'PDF' : '图片'}</Text>
          )}
          <View className="dc-file__body">
            <Text className="dc-file__name">{a.name}</Text>
            <Text className="dc-file__size">{sizeText(a.size)} · 点击查看</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

export function Trail({ rows }: { rows: NoticeDetail['trail'] }) {
  if (!rows.length) return null
  return (
    <View className="card" data-testid="notice-trail">
      <Text className="card__title">操作记录</Text>
      {rows.map((r) => (
        <View key={r._id} className="dc-trail__row">
          <View className="dc-trail__head">
            <Text className="dc-trail__label">{r.label ?? r.action}</Text>
            <Text className="dc-trail__time">{dateTime(r.at)}</Text>
          </View>
          <Text className="dc-trail__actor">{actorOf(r)}</Text>
          {r.comment ? <Text className="dc-trail__actor">原因：{r.comment}</Text> : null}
        </View>
      ))}
    </View>
  )
}
