import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import { formatCount } from '../../../types/display'
import {
  EvaluationContract,
  RANK_KINDS,
  RANK_PAGE_SIZE,
  periodLabel,
  type RankingPage,
  type RankKind,
  type RankRow,
} from '../../../types/evaluation'
import PagedList from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import { call } from '../../services/api'
import { COLORS } from '../../styles/colors'

const KINDS = Object.keys(RANK_KINDS) as RankKind[]
/** What the caller's own entry is called on each tab. */
const OWN: Record<RankKind, string> = {
  project: '本项目',
  company: '本项目的物业企业',
  committee: '本项目的业委会',
}

/** One ranked entry; `focus`: 定位 asked for it, so it scrolls itself into view once shown. */
function RankLine({
  row,
  focus,
  onFocused,
}: {
  row: RankRow
  focus: boolean
  onFocused: () => void
}) {
  useEffect(() => {
    if (!focus) return
    onFocused()
    Taro.nextTick(() => {
      Taro.pageScrollTo({ selector: '.rank-row--mine', duration: 200, offsetTop: -160 }).catch(
        () => undefined,
      )
    })
  }, [focus, onFocused])
  return (
    <View
      className={`rank-row${row.mine ? ' rank-row--mine' : ''}`}
      data-testid={row.mine ? 'rank-row-mine' : 'rank-row'}
    >
      <Text className={`rank-row__rank${row.rank <= 3 ? ' rank-row__rank--top' : ''}`}>
        {row.rank}
      </Text>
      <View className="rank-row__body">
        <Text className="rank-row__name">{row.name}</Text>
        <Text className="rank-row__meta">
          {row.district} · {formatCount(row.count)} 份评价
        </Text>
      </View>
      {row.mine ? <Text className="rank-row__tag">我的</Text> : null}
      <Text className="rank-row__score">{row.score.toFixed(1)}</Text>
    </View>
  )
}

/**
 * 评价排名: the city's ranking of one kind, best first, a page at a time; the caller's own entry
 * is pinned above the list with its rank, and 定位 starts the list at the page holding it (the
 * row highlighted), so it is found without scrolling through hundreds.
 */
export default function Rankings({ projectId }: { projectId: string | undefined }) {
  const [kind, setKind] = useState<RankKind>('project')
  const [period, setPeriod] = useState<string | undefined>(undefined)
  /** The page the list starts at: 0, or the one holding the caller's entry after 定位. */
  const [start, setStart] = useState(0)
  const [head, setHead] = useState<RankingPage | null>(null)
  const [located, setLocated] = useState(false)

  const listKey = `${kind}/${period ?? ''}/${start}`
  const shown = head

  const focused = useCallback(() => setLocated(false), [])

  const choose = (next: { kind?: RankKind; period?: string }) => {
    if (next.kind) setKind(next.kind)
    if ('period' in next) setPeriod(next.period)
    setStart(0)
    setHead(null)
  }

  const periods = shown?.periods ?? []
  const at = shown ? periods.indexOf(shown.period) : -1
  const mine = shown?.mine ?? null

  return (
    <View className="rankings">
      <Tabs
        className="rankings__kinds"
        testId="rank-kinds"
        current={kind}
        onChange={(k) => choose({ kind: k })}
        items={KINDS.map((k) => ({ key: k, title: RANK_KINDS[k] }))}
      />
      <View className="rankings__period" data-testid="rank-period">
        <View
          className={`rankings__step${at >= 0 && at < periods.length - 1 ? '' : ' rankings__step--off'}`}
          data-testid="period-prev"
          onClick={() => {
            if (at >= 0 && at < periods.length - 1) choose({ period: periods[at + 1] })
          }}
        >
          <AtIcon value="chevron-left" size="16" color={COLORS.primary} />
          <Text>上一季度</Text>
        </View>
        <Text className="rankings__period-label">
          {shown ? `${periodLabel(shown.period)} · 共${formatCount(shown.total)}个` : '　'}
        </Text>
        <View
          className={`rankings__step${at > 0 ? '' : ' rankings__step--off'}`}
          data-testid="period-next"
          onClick={() => {
            if (at > 0) choose({ period: periods[at - 1] })
          }}
        >
          <Text>下一季度</Text>
          <AtIcon value="chevron-right" size="16" color={COLORS.primary} />
        </View>
      </View>
      {shown ? (
        mine ? (
          <View className="rank-mine" data-testid="rank-mine">
            <View className="rank-mine__head">
              <Text className="rank-mine__label">我的排名 · {OWN[kind]}</Text>
              <Text className="rank-mine__name">{mine.row.name}</Text>
            </View>
            <View className="rank-mine__figures">
              <View className="rank-mine__figure">
                <Text className="rank-mine__value" data-testid="rank-mine-rank">
                  第{mine.row.rank}名
                </Text>
                <Text className="rank-mine__unit">共{formatCount(shown.total)}个</Text>
              </View>
              <View className="rank-mine__figure">
                <Text className="rank-mine__value">{mine.row.score.toFixed(1)}</Text>
                <Text className="rank-mine__unit">得分</Text>
              </View>
              <View className="rank-mine__figure">
                <Text className="rank-mine__value">{formatCount(mine.row.count)}</Text>
                <Text className="rank-mine__unit">评价数</Text>
              </View>
            </View>
            <View className="rank-mine__locate" data-testid="rank-locate">
              <AtButton
                size="small"
                type="secondary"
                onClick={() => {
                  setStart(mine.page)
                  setLocated(true)
                }}
              >
                在榜单中定位（第{mine.page * RANK_PAGE_SIZE + 1}–
                {Math.min(shown.total, (mine.page + 1) * RANK_PAGE_SIZE)}名）
              </AtButton>
            </View>
          </View>
        ) : (
          <View className="rank-mine rank-mine--none" data-testid="rank-mine-none">
            <Text>{OWN[kind]}本季度未参与排名</Text>
          </View>
        )
      ) : null}
      {start > 0 ? (
        <View className="rankings__top" data-testid="rank-from-top" onClick={() => setStart(0)}>
          <AtIcon value="chevron-up" size="16" color={COLORS.primary} />
          <Text>从第1名看起（当前从第{start * RANK_PAGE_SIZE + 1}名起）</Text>
        </View>
      ) : null}
      <PagedList<RankRow>
        testId="rank-list"
        resetKey={listKey}
        fetchPage={async (n) => {
          const res = await call(EvaluationContract, 'rankings', {
            projectId,
            kind,
            period,
            page: start + n,
          })
          if (n === 0) setHead(res)
          return res
        }}
        keyOf={(r) => r._id}
        renderItem={(r) => <RankLine row={r} focus={located && r.mine} onFocused={focused} />}
        empty={{ icon: 'analytics', title: '本季度暂无排名' }}
      />
    </View>
  )
}
