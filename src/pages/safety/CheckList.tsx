import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { AtIcon } from 'taro-ui'
import { SafetyContract, type CheckRow } from '../../../types/safety'
import PagedList, { type ListColumn, type PagedListHandle } from '../../components/PagedList'
import { useReloadOnShow } from '../../hooks/usePageRefresh'
import { useTabs, type TabItem } from '../../components/Tabs'
import { call } from '../../services/api'
import { COLORS } from '../../styles/colors'
import { KindTag, StatusTag, windowText } from './CheckSummary'
import './safety.scss'

type Tab = 'ongoing' | 'ended'

const TABS: TabItem<Tab>[] = [
  { key: 'ongoing', title: '进行中' },
  { key: 'ended', title: '已结束' },
]

export const checkPage = (checkId: string) =>
  `/pages/safety/check/index?checkId=${encodeURIComponent(checkId)}`

const open = (row: CheckRow) => void Taro.navigateTo({ url: checkPage(row.check._id) })

/** Items answered, in per cent of the check's. */
const percent = ({ check, answered }: CheckRow) =>
  check.itemCount ? Math.round((answered / check.itemCount) * 100) : 0

function Progress({ row }: { row: CheckRow }) {
  return (
    <>
      <View className="progress-bar">
        <View className="progress-bar__fill" style={{ width: `${percent(row)}%` }} />
      </View>
      <Text className="check-card__count" data-testid="check-card-progress">
        {row.answered}/{row.check.itemCount}
      </Text>
    </>
  )
}

/** The computer's table (PagedList's columns): a row opens the check, as a card does. */
const COLUMNS: ListColumn<CheckRow>[] = [
  { key: 'kind', title: '类型', width: 1.2, render: (r) => <KindTag kind={r.check.kind} /> },
  {
    key: 'title',
    title: '检查名称',
    width: 2.2,
    render: (r) => (
      <Text className="check-table__title" data-testid="check-row-title">
        {r.check.title}
      </Text>
    ),
    sortBy: (r) => r.check.title,
  },
  { key: 'issuer', title: '发布单位', width: 1.5, render: (r) => r.check.issuer },
  {
    key: 'window',
    title: '检查时间',
    width: 2.2,
    render: (r) => windowText(r.check),
    sortBy: (r) => r.check.startAt,
  },
  {
    key: 'progress',
    title: '进度',
    width: 1.3,
    render: (r) => (
      <View className="check-table__progress">
        <Progress row={r} />
      </View>
    ),
    sortBy: percent,
  },
  {
    key: 'score',
    title: '自评得分',
    render: (r) =>
      r.score !== undefined ? (
        <Text className="check-card__score" data-testid="check-card-score">
          {r.score}/{r.check.totalPoints}
        </Text>
      ) : null,
    sortBy: (r) => r.score ?? -1,
  },
  { key: 'status', title: '状态', render: (r) => <StatusTag status={r.status} /> },
]

function CheckCard({ row }: { row: CheckRow }) {
  const { check, status, score } = row
  return (
    <View
      className="check-card"
      data-testid="check-card"
      data-check-id={check._id}
      onClick={() => open(row)}
    >
      <View className="check-card__tags">
        <KindTag kind={check.kind} />
        <StatusTag status={status} />
      </View>
      <Text className="check-card__title">{check.title}</Text>
      <Text className="check-card__line">发布单位：{check.issuer}</Text>
      <Text className="check-card__line">检查时间：{windowText(check)}</Text>
      <View className="check-card__progress">
        <Progress row={row} />
      </View>
      <View className="check-card__foot">
        {score !== undefined ? (
          <Text className="check-card__score" data-testid="check-card-score">
            自评得分 {score}/{check.totalPoints}
          </Text>
        ) : (
          <Text className="check-card__line">满分 {check.totalPoints} 分</Text>
        )}
        <AtIcon value="chevron-right" size="16" color={COLORS.disabled} />
      </View>
    </View>
  )
}

/** 安全检查: the checks of the caller's project, 进行中 / 已结束; a tap opens one. */
export default function CheckList({ projectId }: { projectId: string | undefined }) {
  const [tab, bar] = useTabs(TABS, { testId: 'safety-tabs', className: 'check-list__tabs' })
  const list = useRef<PagedListHandle | null>(null)

  // Back from a check: its status and progress may have changed.
  useReloadOnShow(() => list.current?.reload())

  return (
    <View className="check-list">
      {bar}
      <PagedList<CheckRow>
        testId="checks"
        className="check-list__list"
        resetKey={tab}
        handleRef={list}
        fetchPage={(page) => call(SafetyContract, 'list', { projectId, tab, page })}
        keyOf={(r) => r.check._id}
        renderItem={(r) => <CheckCard row={r} />}
        columns={COLUMNS}
        onRowClick={open}
        empty={
          tab === 'ongoing'
            ? {
                icon: 'check-circle',
                title: '暂无进行中的检查',
                description: '主管部门发布检查后会出现在这里',
              }
            : { icon: 'clock', title: '暂无已结束的检查' }
        }
      />
    </View>
  )
}
