import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { AtButton } from 'taro-ui'
import {
  EDITION_STATUS_LABELS,
  ParkingContract,
  spacesPerHome,
  type EditionSummary,
  type ParkingCurrent,
} from '../../../types/parking'
import { formatCount } from '../../../types/display'
import CloudView from '../../components/CloudView'
import EmptyState from '../../components/EmptyState'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type ListColumn, type PagedListHandle } from '../../components/PagedList'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh, useReloadOnShow } from '../../hooks/usePageRefresh'
import { call } from '../../services/api'
import { dateOnly, dateTime } from './format'
import './parking.scss'

const sheetOf = (id: string) =>
  void Taro.navigateTo({ url: `/pages/parking/sheet/index?editionId=${id}` })
const toForm = () => void Taro.navigateTo({ url: '/pages/parking/form/index' })

function Published({ c }: { c: ParkingCurrent }) {
  const e = c.published
  if (!e) {
    return (
      <View className="card" data-testid="parking-published-none">
        <EmptyState
          icon="map-pin"
          title="暂无公示中的车位信息"
          description="填写并发布后，项目成员都可查看"
        />
      </View>
    )
  }
  const counts = e.form.counts ?? {}
  return (
    <View
      className="card pk-current"
      data-testid="parking-published"
      onClick={() => sheetOf(e._id)}
    >
      <View className="pk-current__head">
        <Text className="card__title">公示中 · 第{e.edition}版</Text>
        <Text className="pk-tag pk-tag--published">{EDITION_STATUS_LABELS.published}</Text>
      </View>
      <View className="pk-figures">
        <View className="pk-figure">
          <Text className="pk-figure__value" data-testid="published-total">
            {typeof counts.total === 'number' ? formatCount(counts.total) : '—'}
          </Text>
          <Text className="pk-figure__label">车位总数</Text>
        </View>
        <View className="pk-figure">
          <Text className="pk-figure__value">{spacesPerHome(e.form) ?? '—'}</Text>
          <Text className="pk-figure__label">户均车位</Text>
        </View>
        <View className="pk-figure">
          <Text className="pk-figure__value">
            {typeof e.form.chargers?.count === 'number' ? formatCount(e.form.chargers.count) : '—'}
          </Text>
          <Text className="pk-figure__label">充电桩</Text>
        </View>
      </View>
      <Text className="card__text">
        {e.publishedByName} 发布于 {dateOnly(e.publishedAt)} · 点击查看公示单
      </Text>
    </View>
  )
}

function Open({ c }: { c: ParkingCurrent }) {
  const e = c.open
  if (!e) {
    return (
      <View className="pk-start" data-testid="parking-new">
        <AtButton type="primary" onClick={toForm}>
          {c.published ? `填写新版本（第${c.nextEdition}版）` : '填写车位信息'}
        </AtButton>
        {c.published ? (
          <Text className="pk-start__hint">新版本发布前，第{c.published.edition}版继续公示</Text>
        ) : null}
      </View>
    )
  }
  const draft = e.status === 'draft'
  return (
    <View className="card pk-open" data-testid="parking-open" data-status={e.status}>
      <View className="pk-current__head">
        <Text className="card__title">第{e.edition}版</Text>
        <Text className={`pk-tag pk-tag--${e.status}`}>{EDITION_STATUS_LABELS[e.status]}</Text>
      </View>
      <Text className="card__text">
        {draft
          ? `${e.updatedByName ?? e.createdByName} 最后保存于 ${dateTime(e.updatedAt)}`
          : `${e.submittedByName} 提交于 ${dateTime(e.submittedAt)}，${c.canPublish ? '请核对后发布' : '等待项目负责人发布'}`}
      </Text>
      <View className="card__actions" data-testid={draft ? 'continue-draft' : 'open-sheet'}>
        <AtButton type="primary" onClick={draft ? toForm : () => sheetOf(e._id)}>
          {draft ? '继续填写' : '查看公示单'}
        </AtButton>
      </View>
    </View>
  )
}

function HistoryRow({ e }: { e: EditionSummary }) {
  const who =
    e.status === 'draft'
      ? `${e.createdByName} 创建于 ${dateOnly(e.createdAt)}`
      : `${e.submittedByName ?? e.createdByName} 提交于 ${dateOnly(e.submittedAt)}`
  return (
    <View
      className="pk-history"
      data-testid="history-row"
      data-status={e.status}
      onClick={() => sheetOf(e._id)}
    >
      <View className="pk-history__head">
        <Text className="pk-history__title">第{e.edition}版</Text>
        <Text className={`pk-tag pk-tag--${e.status}`}>{EDITION_STATUS_LABELS[e.status]}</Text>
      </View>
      <Text className="pk-history__line">{who}</Text>
      {e.publishedAt ? (
        <Text className="pk-history__line">
          {e.publishedByName} 发布于 {dateOnly(e.publishedAt)}
        </Text>
      ) : null}
      {e.status === 'cancelled' ? (
        <Text className="pk-history__line">
          {e.cancelledByName} 取消于 {dateOnly(e.cancelledAt)}：{e.cancelReason}
        </Text>
      ) : null}
    </View>
  )
}

/** On a computer the history is a table of these (the phone's rows say the same in lines). */
const HISTORY_COLUMNS: ListColumn<EditionSummary>[] = [
  {
    key: 'edition',
    title: '版本',
    width: 0.7,
    render: (e) => <Text className="pk-cell__title">第{e.edition}版</Text>,
    sortBy: (e) => e.edition,
  },
  {
    key: 'status',
    title: '状态',
    width: 0.8,
    render: (e) => (
      <Text className={`pk-tag pk-tag--${e.status}`} data-status={e.status}>
        {EDITION_STATUS_LABELS[e.status]}
      </Text>
    ),
  },
  { key: 'createdBy', title: '填写人', render: (e) => e.createdByName },
  {
    key: 'submittedAt',
    title: '提交日期',
    render: (e) => (e.submittedAt ? dateOnly(e.submittedAt) : ''),
    sortBy: (e) => e.submittedAt ?? 0,
  },
  { key: 'publishedBy', title: '发布人', render: (e) => e.publishedByName ?? '' },
  {
    key: 'publishedAt',
    title: '发布日期',
    render: (e) => (e.publishedAt ? dateOnly(e.publishedAt) : ''),
    sortBy: (e) => e.publishedAt ?? 0,
  },
  {
    key: 'note',
    title: '说明',
    width: 2,
    render: (e) =>
      e.status === 'cancelled'
        ? `${e.cancelledByName ?? ''} 取消于 ${dateOnly(e.cancelledAt)}：${e.cancelReason ?? ''}`
        : e.status === 'superseded'
          ? `被第${e.supersededBy}版替代`
          : '',
  },
]

function ParkingHome({ projectId }: { projectId: string | undefined }) {
  const current = useModuleCall(ParkingContract, 'current', { projectId })
  const history = useRef<PagedListHandle | null>(null)
  const reload = () => Promise.all([current.reload(), history.current?.reload()])
  // Back from the form or the sheet: what changed there shows here.
  useReloadOnShow(reload)
  usePullToRefresh(reload)
  return (
    <View>
      <CloudView state={current}>
        {(c) => (
          // One under the other on a phone, side by side on a computer (parking-desktop.scss).
          <View className="pk-now">
            <Published c={c} />
            <Open c={c} />
          </View>
        )}
      </CloudView>
      <Text className="section-title">历次版本</Text>
      <PagedList<EditionSummary>
        testId="parking-history"
        fetchPage={(page) => call(ParkingContract, 'history', { projectId, page })}
        keyOf={(e) => e._id}
        renderItem={(e) => <HistoryRow e={e} />}
        columns={HISTORY_COLUMNS}
        onRowClick={(e) => sheetOf(e._id)}
        empty={{ title: '暂无版本记录' }}
        pullDownRefresh={false}
        handleRef={history}
      />
    </View>
  )
}

/** 车位信息公开: the edition the public sees, the one being drafted, and every edition before. */
export default modulePage('parking', ParkingHome, { className: 'parking' })
