import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import {
  DisclosureContract,
  NOTICE_STATE_LABELS,
  type Attachment,
  type NoticeDetail,
} from '../../../../types/disclosure'
import CloudView from '../../../components/CloudView'
import { useConfirm } from '../../../components/ConfirmDialog'
import { modulePage } from '../../../components/ModuleGate'
import { useRouteParam } from '../../../hooks/useRouteParam'
import { useModuleAction } from '../../../hooks/useModuleAction'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { usePullToRefresh } from '../../../hooks/usePageRefresh'
import { openFile, sizeText } from '../../../services/attachments'
import { toast } from '../../../services/toast'
import { actorOf, dateOnly, dateTime } from '../format'
import ReasonDialog from '../../../components/ReasonDialog'
import '../disclosure.scss'

function Attachments({ list, urls }: { list: Attachment[]; urls: Record<string, string> }) {
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

function DetailBody({ projectId }: { projectId: string | undefined }) {
  const noticeId = useRouteParam('noticeId')
  const detail = useModuleCall(DisclosureContract, 'detail', { projectId, noticeId })
  const { busy, run } = useModuleAction()
  const { dialog, ask } = useConfirm()
  const [voiding, setVoiding] = useState(false)
  usePullToRefresh(detail.reload)
  // Refused because the notice moved meanwhile: the page shows where it stands now.
  const onStale = detail.reload

  const doVoid = async (d: NoticeDetail, reason: string) => {
    const input = { projectId, noticeId: d.notice._id, version: d.notice.version, reason }
    await run(DisclosureContract, 'void', input, {
      done: '已作废',
      after: detail.reload,
      onStale,
    })
    setVoiding(false)
  }

  const doRemove = async (d: NoticeDetail) => {
    const ok = await ask({
      title: '删除信息公开',
      content: `“${d.notice.title}”将从列表和统计中删除（操作记录保留）。仅用于删除填写错误的信息；已过期的请作废。确定删除？`,
      confirmText: '删除',
      danger: true,
    })
    if (!ok) return
    const input = {
      projectId,
      noticeId: d.notice._id,
      version: d.notice.version,
      confirm: true as const,
    }
    const r = await run(DisclosureContract, 'remove', input, { done: '已删除', onStale })
    if (r.ok)
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/disclosure/index' }))
  }

  return (
    <CloudView state={detail}>
      {(d) => {
        const n = d.notice
        return (
          <View data-testid="notice-detail" data-state={n.state}>
            <View className="card dc-detail">
              <View className="dc-row__head">
                <Text className="dc-tag dc-tag--category">{n.category}</Text>
                <Text className={`dc-tag dc-tag--${n.state}`} data-testid="detail-state">
                  {NOTICE_STATE_LABELS[n.state]}
                </Text>
              </View>
              <Text className="dc-detail__title" data-testid="detail-title">
                {n.title}
              </Text>
              <Text className="dc-detail__meta">
                {n.publishedByName} 发布于 {dateTime(n.publishedAt)}
              </Text>
              <Text className="dc-detail__meta">
                有效期：{n.validFrom} 至 {n.validUntil}
              </Text>
              {n.state === 'voided' ? (
                <Text className="dc-detail__voided" data-testid="detail-void-reason">
                  已于 {dateOnly(n.voidedAt)} 由{n.voidedByName}作废：{n.voidReason}
                </Text>
              ) : null}
              <Text className="dc-detail__content" userSelect>
                {n.content}
              </Text>
            </View>
            <Attachments list={n.attachments} urls={d.urls} />
            {n.status === 'published' ? (
              <View className="dc-actions">
                <View className="dc-actions__btn" data-testid="void-notice">
                  <AtButton disabled={busy} onClick={() => setVoiding(true)}>
                    作废
                  </AtButton>
                </View>
                <View className="dc-actions__btn" data-testid="remove-notice">
                  <AtButton
                    className="action-danger"
                    disabled={busy}
                    onClick={() => void doRemove(d)}
                  >
                    删除
                  </AtButton>
                </View>
              </View>
            ) : null}
            {d.trail.length ? (
              <View className="card" data-testid="notice-trail">
                <Text className="card__title">操作记录</Text>
                {d.trail.map((r) => (
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
            ) : null}
            <ReasonDialog
              open={voiding}
              title="作废信息公开"
              prompt="作废后仍在列表中显示，标记为已作废。"
              placeholder="请填写作废原因，如：信息已过期"
              confirmText="确定作废"
              max={200}
              busy={busy}
              onCancel={() => setVoiding(false)}
              onConfirm={(reason) => void doVoid(d, reason)}
            />
            {dialog}
          </View>
        )
      }}
    </CloudView>
  )
}

/** One notice: its content, attachments and trail; 作废 or 删除 it. */
export default modulePage('disclosure', DetailBody, { className: 'disclosure', switcher: false })
