import Taro from '@tarojs/taro'
import { Picker, ScrollView, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import {
  DisclosureContract,
  NOTICE_CATEGORIES,
  NOTICE_STATE_LABELS,
  type NoticeCategory,
  type NoticeRow,
  type NoticeState,
  type NoticeStats,
} from '../../../types/disclosure'
import { formatCount } from '../../../types/display'
import CloudView from '../../components/CloudView'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type PagedListHandle } from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh, useReloadOnShow } from '../../hooks/usePageRefresh'
import { call } from '../../services/api'
import { dateOnly } from './format'
import './disclosure.scss'

interface Filter {
  category?: NoticeCategory
  state?: NoticeState
  from?: string
  to?: string
}

type StateTab = 'all' | NoticeState
const STATE_TABS: { key: StateTab; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'active', title: '公示中' },
  { key: 'expired', title: '已过期' },
  { key: 'voided', title: '已作废' },
]

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

function Row({ n }: { n: NoticeRow }) {
  return (
    <View
      className="dc-row"
      data-testid="notice-row"
      data-state={n.state}
      data-title={n.title}
      onClick={() =>
        void Taro.navigateTo({ url: `/pages/disclosure/detail/index?noticeId=${n._id}` })
      }
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

interface FilterBarProps {
  filter: Filter
  /** Notices per category (what 已发布 counts), once the statistics are in. */
  counts: Partial<Record<NoticeCategory, number>>
  onChange: (f: Filter) => void
}

/**
 * The state tabs, the categories in one row that scrolls sideways (each with its count), and the
 * dates folded behind 筛选 (open while a date is chosen).
 */
function FilterBar({ filter, counts, onChange }: FilterBarProps) {
  const tab: StateTab = filter.state ?? 'all'
  const dated = !!(filter.from || filter.to)
  const [unfolded, setUnfolded] = useState(false)
  const datesShown = unfolded || dated
  return (
    <View className="dc-filters" data-testid="disclosure-filters">
      <Tabs
        items={STATE_TABS}
        current={tab}
        onChange={(k) => onChange({ ...filter, state: k === 'all' ? undefined : k })}
        testId="state-tabs"
      />
      <View className="dc-filters__bar">
        <ScrollView scrollX className="dc-filters__cats">
          <View className="dc-filters__cats-row">
            {[undefined, ...NOTICE_CATEGORIES].map((c) => (
              <View
                key={c ?? 'all'}
                className={`dc-chip dc-chip--small${filter.category === c ? ' dc-chip--on' : ''}`}
                data-testid={`filter-cat-${c ?? 'all'}`}
                onClick={() => onChange({ ...filter, category: c })}
              >
                <Text>{c ?? '全部类别'}</Text>
                {c && counts[c] ? (
                  <Text className="dc-chip__count" data-testid={`stat-cat-${c}`}>
                    {formatCount(counts[c]!)}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        </ScrollView>
        <Text
          className={`dc-filters__toggle${dated ? ' dc-filters__toggle--on' : ''}`}
          data-testid="filter-toggle"
          onClick={() => setUnfolded(!datesShown)}
        >
          筛选{dated ? '·1' : ''}
        </Text>
      </View>
      {datesShown ? (
        <View className="dc-filters__dates">
          <Text className="dc-filters__label">发布日期</Text>
          <Picker
            mode="date"
            value={filter.from ?? ''}
            onChange={(e) => onChange({ ...filter, from: e.detail.value })}
          >
            <View className="dc-date" data-testid="filter-from">
              {filter.from ?? '开始日期'}
            </View>
          </Picker>
          <Text className="dc-filters__dash">至</Text>
          <Picker
            mode="date"
            value={filter.to ?? ''}
            start={filter.from}
            onChange={(e) => onChange({ ...filter, to: e.detail.value })}
          >
            <View className="dc-date" data-testid="filter-to">
              {filter.to ?? '结束日期'}
            </View>
          </Picker>
        </View>
      ) : null}
      {dated || filter.category || filter.state ? (
        <View className="dc-filters__clear-row">
          <Text
            className="dc-filters__clear"
            data-testid="filter-clear"
            onClick={() => {
              setUnfolded(false)
              onChange({})
            }}
          >
            清除筛选
          </Text>
        </View>
      ) : null}
    </View>
  )
}

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
      <CloudView state={stats}>{(s) => <Stats s={s} onFilter={(f) => setFilter(f)} />}</CloudView>
      <View className="dc-publish" data-testid="open-publish">
        <AtButton
          type="primary"
          onClick={() => void Taro.navigateTo({ url: '/pages/disclosure/publish/index' })}
        >
          发布信息公开
        </AtButton>
      </View>
      <FilterBar
        filter={filter}
        counts={Object.fromEntries(
          (stats.data?.byCategory ?? []).map((c) => [c.category, c.count]),
        )}
        onChange={setFilter}
      />
      <PagedList<NoticeRow>
        testId="notice-list"
        resetKey={JSON.stringify(filter)}
        fetchPage={(page) => call(DisclosureContract, 'list', { projectId, ...filter, page })}
        keyOf={(n) => n._id}
        renderItem={(n) => <Row n={n} />}
        empty={{ icon: 'file-generic', title: '没有符合条件的信息' }}
        pullDownRefresh={false}
        handleRef={list}
      />
    </View>
  )
}

/** 信息公开: the statistics, 发布, and the notices with their filters. */
export default modulePage('disclosure', DisclosureHome, { className: 'disclosure' })
