import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import {
  DisclosureContract,
  NOTICE_STATE_LABELS,
  type NoticeRow,
  type NoticeSort,
  type NoticeStats,
} from '../../../types/disclosure'
import { formatCount } from '../../../types/display'
import CloudView from '../../components/CloudView'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type ListColumn, type PagedListHandle } from '../../components/PagedList'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh, useReloadOnShow } from '../../hooks/usePageRefresh'
import { call } from '../../services/api'
import FilterBar, { type Filter } from './FilterBar'
import { dateOnly } from './format'
import './disclosure.scss'

function Tile(props: {
  label: string
  value: number
  testId: string
  tone?: string
  onTap: () => void
}) {
  return (
    <View
      className={`dc-tile${props.tone ? ` dc-tile--${props.tone}` : ''}`}
      data-testid={props.testId}
      onClick={props.onTap}
    >
      <Text className="dc-tile__value" data-testid={`${props.testId}-value`}>
        {formatCount(props.value)}
      </Text>
      <Text className="dc-tile__label">{props.label}</Text>
    </View>
  )
}

/**
 * The figures, compact (one row of four) so the list starts on the first screen; the counts per
 * category are on the category chips of the filter bar.
 */
function Stats({ s, onFilter }: { s: NoticeStats; onFilter: (f: Filter) => void }) {
  return (
    <View className="card dc-stats" data-testid="disclosure-stats">
      <View className="dc-stats__head">
        <Text className="dc-stats__title">信息公开统计</Text>
        <Text className="dc-stats__total" data-testid="stat-published">
          已发布 {formatCount(s.published)} 条
        </Text>
      </View>
      <View className="dc-tiles">
        <Tile
          label="公示中"
          value={s.active}
          testId="stat-active"
          tone="active"
          onTap={() => onFilter({ state: 'active' })}
        />
        <Tile
          label="已过期"
          value={s.expired}
          testId="stat-expired"
          tone="expired"
          onTap={() => onFilter({ state: 'expired' })}
        />
        <Tile
          label="已作废"
          value={s.voided}
          testId="stat-voided"
          tone="voided"
          onTap={() => onFilter({ state: 'voided' })}
        />
        <Tile
          label="本月发布"
          value={s.thisMonth}
          testId="stat-month"
          onTap={() => onFilter({ from: s.monthStart })}
        />
      </View>
    </View>
  )
}

const openNotice = (n: NoticeRow) =>
  void Taro.navigateTo({ url: `/pages/disclosure/detail/index?noticeId=${n._id}` })

function Row({ n }: { n: NoticeRow }) {
  return (
    <View
      className="dc-row"
      data-testid="notice-row"
      data-state={n.state}
      data-title={n.title}
      onClick={() => openNotice(n)}
    >
      <View className="dc-row__head">
        <Text className="dc-tag dc-tag--category">{n.category}</Text>
        <Text className={`dc-tag dc-tag--${n.state}`} data-testid="notice-state">
          {NOTICE_STATE_LABELS[n.state]}
        </Text>
      </View>
      <Text className="dc-row__title">{n.title}</Text>
      <View className="dc-row__meta">
        <Text className="dc-row__part">
          {n.publishedByName} 发布于 {dateOnly(n.publishedAt)}
        </Text>
        <Text className="dc-row__part">· 有效期至 {n.validUntil}</Text>
        {n.attachments.length ? (
          <Text className="dc-row__part" data-testid="notice-attachments">
            {`· 附件 ${n.attachments.length}`}
          </Text>
        ) : null}
      </View>
    </View>
  )
}

/** On a computer the notices are a table of these (the phone's rows hold the same). */
const COLUMNS: ListColumn<NoticeRow, NoticeSort['by']>[] = [
  {
    key: 'title',
    title: '标题',
    width: 3,
    render: (n) => <Text className="dc-cell__title">{n.title}</Text>,
  },
  {
    key: 'category',
    title: '类别',
    render: (n) => <Text className="dc-tag dc-tag--category">{n.category}</Text>,
  },
  {
    key: 'state',
    title: '状态',
    render: (n) => (
      <Text className={`dc-tag dc-tag--${n.state}`} data-testid="notice-state" data-state={n.state}>
        {NOTICE_STATE_LABELS[n.state]}
      </Text>
    ),
  },
  { key: 'publisher', title: '发布人', render: (n) => n.publishedByName },
  {
    key: 'publishedAt',
    title: '发布日期',
    width: 1.2,
    render: (n) => dateOnly(n.publishedAt),
    sortKey: 'publishedAt',
  },
  {
    key: 'validUntil',
    title: '有效期至',
    width: 1.2,
    render: (n) => n.validUntil,
    sortKey: 'validUntil',
  },
  {
    key: 'attachments',
    title: '附件',
    width: 0.6,
    render: (n) => (n.attachments.length ? `${n.attachments.length} 个` : ''),
  },
]

function DisclosureHome({ projectId }: { projectId: string | undefined }) {
  const stats = useModuleCall(DisclosureContract, 'stats', { projectId })
  const [filter, setFilter] = useState<Filter>({})
  const list = useRef<PagedListHandle | null>(null)
  const reload = () => Promise.all([stats.reload(), list.current?.reload()])
  // Back from publishing, voiding or deleting: the figures and the list follow.
  useReloadOnShow(reload)
  usePullToRefresh(reload)
  return (
    <View>
      {/* The figures and 发布: one under the other on a phone, side by side on a computer. */}
      <View className="dc-top">
        <CloudView state={stats}>{(s) => <Stats s={s} onFilter={(f) => setFilter(f)} />}</CloudView>
        <View className="dc-publish" data-testid="open-publish">
          <AtButton
            type="primary"
            onClick={() => void Taro.navigateTo({ url: '/pages/disclosure/publish/index' })}
          >
            发布信息公开
          </AtButton>
        </View>
      </View>
      <FilterBar
        filter={filter}
        counts={Object.fromEntries(
          (stats.data?.byCategory ?? []).map((c) => [c.category, c.count]),
        )}
        onChange={setFilter}
      />
      <PagedList<NoticeRow, NoticeSort['by']>
        testId="notice-list"
        resetKey={JSON.stringify(filter)}
        // A date header orders the whole list (its sortKey, one of NoticeSort's), from page 0.
        fetchPage={(page, sort) =>
          call(DisclosureContract, 'list', {
            projectId,
            ...filter,
            page,
            sort,
          })
        }
        keyOf={(n) => n._id}
        renderItem={(n) => <Row n={n} />}
        columns={COLUMNS}
        onRowClick={openNotice}
        empty={{ icon: 'file-generic', title: '没有符合条件的信息' }}
        pullDownRefresh={false}
        handleRef={list}
      />
    </View>
  )
}

/** 信息公开: the statistics, 发布, and the notices with their filters. */
export default modulePage('disclosure', DisclosureHome, { className: 'disclosure' })
