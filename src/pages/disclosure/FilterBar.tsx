import { Picker, ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { NOTICE_CATEGORIES, type NoticeCategory, type NoticeState } from '../../../types/disclosure'
import { formatCount } from '../../../types/display'
import Tabs from '../../components/Tabs'
import { useDesktop } from '../../hooks/useDesktop'

export interface Filter {
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

interface FilterBarProps {
  filter: Filter
  /** Notices per category (what 已发布 counts), once the statistics are in. */
  counts: Partial<Record<NoticeCategory, number>>
  onChange: (f: Filter) => void
}

/**
 * The state tabs, the categories in one row that scrolls sideways (each with its count), and the
 * dates folded behind 筛选 (open while a date is chosen). On a computer there is room for the
 * dates: they are always shown, in the same bar (disclosure/desktop.scss), and 筛选 is not.
 */
export default function FilterBar({ filter, counts, onChange }: FilterBarProps) {
  const tab: StateTab = filter.state ?? 'all'
  const dated = !!(filter.from || filter.to)
  const desktop = useDesktop()
  const [unfolded, setUnfolded] = useState(false)
  const datesShown = unfolded || dated || desktop
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
        {desktop ? null : (
          <Text
            className={`dc-filters__toggle${dated ? ' dc-filters__toggle--on' : ''}`}
            data-testid="filter-toggle"
            onClick={() => setUnfolded(!datesShown)}
          >
            筛选{dated ? '·1' : ''}
          </Text>
        )}
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
