/**
 * 项目信息's tabs of the project's records: 安全检查, 电子投票, 设施设备, 物业服务合同 and 维修金信息.
 */
import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cstDate, formatCount, formatFen, percent } from '../../../../types/display'
import {
  FACILITY_KINDS,
  FACILITY_STATUSES,
  MATTER_RESULTS,
  ProjectContract,
  USE_STATUSES,
  type Facility,
  type FacilityKind,
  type MaintenanceUse,
  type VoteSession,
} from '../../../../types/project'
import CloudView from '../../../components/CloudView'
import { Balance, Card, Empty, Rows, Stats, Tag } from '../../../components/InfoCard'
import PagedList, { type ListColumn } from '../../../components/PagedList'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { call } from '../../../services/api'
import { range, type TabProps } from './props'

const STATUS_TONE: Record<string, 'success' | 'warning' | 'danger' | 'muted' | 'primary'> = {
  已确认: 'success',
  待确认: 'warning',
  已退回: 'danger',
  草稿: 'primary',
  未填写: 'muted',
}

/** 项目信息 › 安全检查. */
export function SafetyTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'safety', { projectId })
  return (
    <CloudView state={state}>
      {(s) =>
        s.total === 0 ? (
          <Empty title="暂无安全检查" description="该项目不在已发布检查的范围内" />
        ) : (
          <>
            <Card title="完成情况" testId="safety-summary">
              <Stats
                items={[
                  ['检查次数', String(s.total)],
                  ['已完成', String(s.completed)],
                  ['完成率', percent(s.completed, s.total)],
                ]}
              />
            </Card>
            <View className="list-card" data-testid="safety-checks">
              {s.rows.map((r) => (
                <View className="kit-list-row" key={r.checkId} data-testid="safety-check">
                  <View className="kit-list-row__head">
                    <Text className="kit-list-row__title">{r.title}</Text>
                    <Tag tone={STATUS_TONE[r.status] ?? 'muted'}>{r.status}</Tag>
                  </View>
                  <Text className="kit-list-row__line">
                    {r.kind} · {r.issuer}
                  </Text>
                  <Text className="kit-list-row__line">
                    {cstDate(r.startAt)} 至 {cstDate(r.endAt)} · 已填 {r.answered}/{r.itemCount} 项
                    {r.score == null ? '' : ` · 得分 ${r.score}/${r.totalPoints}`}
                  </Text>
                </View>
              ))}
            </View>
          </>
        )
      }
    </CloudView>
  )
}

function VoteRow({ v }: { v: VoteSession }) {
  return (
    <View className="kit-list-row">
      <Text className="kit-list-row__title">{v.title}</Text>
      <Text className="kit-list-row__line">
        {cstDate(v.startAt)} 至 {cstDate(v.endAt)} · 参与 {formatCount(v.participants)} 人（
        {formatCount(v.households)} 户）
      </Text>
      {v.matters.map((m, i) => (
        <View className="matter" key={`${i}-${m.title}`}>
          <Text className="matter__title">{m.title}</Text>
          <Tag tone={m.result === 'passed' ? 'success' : 'danger'}>{MATTER_RESULTS[m.result]}</Tag>
          <Text className="matter__meta">
            同意人数 {m.agreePeople.toFixed(1)}% · 同意面积 {m.agreeArea.toFixed(1)}%
          </Text>
        </View>
      ))}
    </View>
  )
}

/** The computer's table of votes: a session a line, each matter put to it with its result. */
const VOTE_COLUMNS: readonly ListColumn<VoteSession>[] = [
  { key: 'title', title: '投票主题', width: 1.8, render: (v) => v.title },
  {
    key: 'period',
    title: '投票时间',
    // Both dates on one line at 1280 px.
    width: 2,
    render: (v) => `${cstDate(v.startAt)} 至 ${cstDate(v.endAt)}`,
    sortBy: (v) => v.startAt,
  },
  {
    key: 'participants',
    title: '参与人数',
    width: 0.8,
    align: 'end',
    render: (v) => formatCount(v.participants),
    sortBy: (v) => v.participants,
  },
  {
    key: 'households',
    title: '参与户数',
    width: 0.8,
    align: 'end',
    render: (v) => formatCount(v.households),
    sortBy: (v) => v.households,
  },
  {
    key: 'matters',
    title: '表决事项（同意人数 / 面积占比）',
    width: 3,
    render: (v) => (
      <View>
        {v.matters.map((m, i) => (
          <View key={`${i}-${m.title}`} data-testid="vote-matter">
            {`${m.title}：${MATTER_RESULTS[m.result]}（${m.agreePeople.toFixed(1)}% / ${m.agreeArea.toFixed(1)}%）`}
          </View>
        ))}
      </View>
    ),
  },
]

/** 项目信息 › 电子投票. */
export function VotingTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'voting', { projectId })
  return (
    <CloudView state={state}>
      {({ summary: s }) =>
        s ? (
          <>
            <Card title="线上投票概况" testId="voting-summary">
              <Stats
                items={[
                  ['投票人数', formatCount(s.voters)],
                  ['投票户数', formatCount(s.households)],
                  ['投票次数', String(s.sessions)],
                  ['表决事项', `${s.matters}（通过 ${s.passed}）`],
                ]}
              />
            </Card>
            <PagedList<VoteSession>
              testId="votes-list"
              fetchPage={(page) => call(ProjectContract, 'votes', { projectId, page })}
              keyOf={(v) => v._id}
              renderItem={(v) => <VoteRow v={v} />}
              columns={VOTE_COLUMNS}
              empty={{ icon: 'list', title: '暂无电子投票记录' }}
            />
          </>
        ) : (
          <Empty title="暂无电子投票记录" />
        )
      }
    </CloudView>
  )
}

const FACILITY_TONE = { normal: 'success', repair: 'warning', stopped: 'danger' } as const

function FacilityRow({ f }: { f: Facility }) {
  return (
    <View className="kit-list-row">
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{f.name}</Text>
        <Tag tone={FACILITY_TONE[f.status]}>{FACILITY_STATUSES[f.status]}</Tag>
      </View>
      <Text className="kit-list-row__line">
        {f.code} · {f.kind}
      </Text>
      <Text className="kit-list-row__line">安装位置：{f.location}</Text>
      <Text className="kit-list-row__line">最近维保：{f.lastMaintainedAt}</Text>
      <Text className="kit-list-row__line">维保单位：{f.maintainer}</Text>
    </View>
  )
}

/** The computer's table of 设施设备, in the list's order (设备编号). */
const FACILITY_COLUMNS: readonly ListColumn<Facility>[] = [
  { key: 'code', title: '设备编号', render: (f) => f.code, sortBy: (f) => f.code },
  { key: 'name', title: '设备名称', width: 1.5, render: (f) => f.name },
  { key: 'kind', title: '类别', render: (f) => f.kind, sortBy: (f) => f.kind },
  { key: 'location', title: '安装位置', width: 1.5, render: (f) => f.location },
  {
    key: 'status',
    title: '状态',
    render: (f) => <Tag tone={FACILITY_TONE[f.status]}>{FACILITY_STATUSES[f.status]}</Tag>,
    sortBy: (f) => f.status,
  },
  {
    key: 'lastMaintained',
    title: '最近维保',
    render: (f) => f.lastMaintainedAt,
    sortBy: (f) => f.lastMaintainedAt,
  },
  { key: 'maintainer', title: '维保单位', width: 1.5, render: (f) => f.maintainer },
]

/** 项目信息 › 设施设备. */
export function FacilitiesTab({ projectId }: TabProps) {
  const [kind, setKind] = useState<FacilityKind | undefined>(undefined)
  const chips: (FacilityKind | undefined)[] = [undefined, ...FACILITY_KINDS]
  return (
    <>
      <ScrollView scrollX className="kit-chips" data-testid="facility-kinds">
        {chips.map((k) => (
          <Text
            key={k ?? 'all'}
            className={`kit-chips__item${k === kind ? ' kit-chips__item--on' : ''}`}
            data-testid={`facility-kind-${k ?? 'all'}`}
            onClick={() => setKind(k)}
          >
            {k ?? '全部'}
          </Text>
        ))}
      </ScrollView>
      <PagedList<Facility>
        testId="facilities-list"
        resetKey={kind ?? 'all'}
        fetchPage={(page) => call(ProjectContract, 'facilities', { projectId, kind, page })}
        keyOf={(f) => f._id}
        renderItem={(f) => <FacilityRow f={f} />}
        columns={FACILITY_COLUMNS}
        empty={{ icon: 'settings', title: kind ? `暂无${kind}设备` : '暂无设施设备信息' }}
      />
    </>
  )
}

/** 项目信息 › 物业服务合同. */
export function ContractsTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'contracts', { projectId })
  return (
    <CloudView state={state}>
      {({ rows }) =>
        rows.length === 0 ? (
          <Empty title="暂无物业服务合同备案" />
        ) : (
          <>
            {rows.map((c) => (
              <Card key={c._id} title={c.kind} testId="contract-card">
                <Rows
                  rows={[
                    ['备案号', c.filingNo],
                    ['备案日期', c.filedAt],
                    ['甲方', c.partyA],
                    ['乙方', c.partyB],
                    ['签订日期', c.signedAt],
                    ['合同期限', range(c.termFrom, c.termTo)],
                    ['收费方式', c.feeMode],
                  ]}
                />
                <Text className="kit-card__sub">收费标准</Text>
                {c.fees.map((f) => (
                  <View className="fee-row" key={f.item}>
                    <Text className="fee-row__item">{f.item}</Text>
                    <Text className="fee-row__value">
                      {formatFen(f.fen).replace('¥', '')} {f.unit}
                    </Text>
                  </View>
                ))}
              </Card>
            ))}
          </>
        )
      }
    </CloudView>
  )
}

const USE_TONE = { paid: 'success', approved: 'primary', reviewing: 'warning' } as const

function UseRow({ u }: { u: MaintenanceUse }) {
  return (
    <View className="kit-list-row">
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{u.item}</Text>
        <Text className="kit-money">{formatFen(u.amount)}</Text>
      </View>
      <View className="kit-list-row__tags">
        <Tag tone={USE_TONE[u.status]}>{USE_STATUSES[u.status]}</Tag>
      </View>
      <Text className="kit-list-row__line">
        申请日期：{u.appliedAt} · {u.contractor}
      </Text>
      <Text className="kit-list-row__line">{u.approval}</Text>
    </View>
  )
}

/** The computer's table of the fund's uses; amounts right-aligned. */
const USE_COLUMNS: readonly ListColumn<MaintenanceUse>[] = [
  { key: 'item', title: '维修项目', width: 1.8, render: (u) => u.item },
  { key: 'appliedAt', title: '申请日期', render: (u) => u.appliedAt, sortBy: (u) => u.appliedAt },
  { key: 'contractor', title: '施工单位', width: 1.5, render: (u) => u.contractor },
  { key: 'approval', title: '表决情况', width: 2, render: (u) => u.approval },
  {
    key: 'status',
    title: '状态',
    render: (u) => <Tag tone={USE_TONE[u.status]}>{USE_STATUSES[u.status]}</Tag>,
  },
  {
    key: 'amount',
    title: '金额',
    // Wide enough for ¥9,999,999.99 on one line.
    width: 1.5,
    align: 'end',
    render: (u) => <Text className="kit-money">{formatFen(u.amount)}</Text>,
    sortBy: (u) => u.amount,
  },
]

/** 项目信息 › 维修金信息. */
export function FundTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'fund', { projectId })
  return (
    <CloudView state={state}>
      {({ fund: f }) =>
        f ? (
          <>
            <Card title="维修资金统管信息" testId="fund-card">
              <Balance label="账户余额" value={formatFen(f.balance)} testId="fund-balance" />
              <Rows
                rows={[
                  ['管理单位', f.manager],
                  ['应交户数', `${formatCount(f.householdsDue)} 户`],
                  ['已交户数', `${formatCount(f.householdsPaid)} 户`],
                  ['应交金额', formatFen(f.due)],
                  ['已归集金额', formatFen(f.collected)],
                  ['增值收益', formatFen(f.interest)],
                  ['已使用金额', formatFen(f.used)],
                  ['数据更新', cstDate(f.updatedAt)],
                ]}
              />
            </Card>
            <Text className="section-title">使用情况</Text>
            <PagedList<MaintenanceUse>
              testId="fund-uses"
              fetchPage={(page) => call(ProjectContract, 'fundUses', { projectId, page })}
              keyOf={(u) => u._id}
              renderItem={(u) => <UseRow u={u} />}
              columns={USE_COLUMNS}
              empty={{ icon: 'money', title: '暂无维修资金使用记录' }}
            />
          </>
        ) : (
          <Empty title="暂无维修资金信息" />
        )
      }
    </CloudView>
  )
}
