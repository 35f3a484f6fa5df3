import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cstDate, formatArea, formatCount, formatFen, percent } from '../../../types/display'
import {
  FACILITY_KINDS,
  FACILITY_STATUSES,
  MATTER_RESULTS,
  ProjectContract,
  USE_STATUSES,
  type Facility,
  type FacilityKind,
  type MaintenanceUse,
  type StaffMember,
  type VoteSession,
} from '../../../types/project'
import CloudView from '../../components/CloudView'
import PagedList from '../../components/PagedList'
import { call } from '../../services/api'
import { useSession } from '../../session'
import { Card, Empty, Rows, Stats, Tag } from '../../components/InfoCard'
import { useTabCall } from '../../hooks/useTabCall'

interface TabProps {
  projectId: string | undefined
}

const range = (from?: string | null, to?: string | null) => `${from ?? '—'} 至 ${to ?? '—'}`

// ---- 基础信息 -------------------------------------------------------------------------------

export function BasicTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'basic', { projectId }))
  return (
    <CloudView state={state}>
      {({ project: p, profile }) => (
        <>
          <Card title={p.name} testId="basic-card">
            <Rows
              testId="basic-rows"
              rows={[
                ['项目编号', p.code],
                ['项目名称', p.name],
                ['行政区域', p.district],
                ['街道办', p.street],
                ['社区', p.community],
                ['地址', p.address],
                ['客服电话', p.servicePhone],
                ['项目经理满意度得分', p.managerScore ? `${p.managerScore} 分` : '暂无评分'],
                ['物业服务企业', p.company],
              ]}
            />
          </Card>
          {profile ? (
            <Card title="规模与类型" testId="basic-profile">
              <Rows
                rows={[
                  ['物业类型', profile.propertyType],
                  ['占地面积', `${formatArea(profile.landArea)} ㎡`],
                  ['建筑面积', `${formatArea(profile.buildingArea)} ㎡`],
                  ['楼栋数', `${formatCount(profile.buildings)} 栋`],
                  ['总户数', `${formatCount(profile.households)} 户`],
                  ['竣工日期', profile.completedAt],
                ]}
              />
            </Card>
          ) : (
            <Card title="规模与类型" testId="basic-profile">
              <Text className="kit-card__note">平台暂无该项目的面积、楼栋等资料</Text>
            </Card>
          )}
        </>
      )}
    </CloudView>
  )
}

// ---- 从业人员 -------------------------------------------------------------------------------

function StaffRow({ s }: { s: StaffMember }) {
  return (
    <View className="kit-list-row">
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{s.name}</Text>
        <Tag>{s.post}</Tag>
      </View>
      <Text className="kit-list-row__line">证书：{s.certificate}</Text>
      <Text className="kit-list-row__line">身份证号码：{s.idNo || '未登记'}</Text>
      <Text className="kit-list-row__line">
        电话：{s.phone} · 入职：{s.startDate}
      </Text>
    </View>
  )
}

export function StaffTab({ projectId }: TabProps) {
  const { refreshOnAccessError } = useSession()
  return (
    <PagedList<StaffMember>
      testId="staff-list"
      onError={refreshOnAccessError}
      fetchPage={(page) => call(ProjectContract, 'staff', { projectId, page })}
      keyOf={(s) => s._id}
      renderItem={(s) => <StaffRow s={s} />}
      empty={{
        icon: 'user',
        title: '暂无从业人员信息',
        description: '平台暂无该项目的从业人员记录',
      }}
    />
  )
}

// ---- 物业公司 -------------------------------------------------------------------------------

export function CompanyTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'company', { projectId }))
  return (
    <CloudView state={state}>
      {({ company: c, managedSince }) =>
        c ? (
          <Card title={c.name} testId="company-card">
            <Rows
              rows={[
                ['统一社会信用代码', c.uscc],
                ['法定代表人', c.legalPerson],
                ['注册地址', c.address],
                ['成立日期', c.registeredAt],
                ['联系人', c.contact],
                ['联系电话', c.contactPhone],
                ['信用等级', `${c.creditGrade}（${c.creditScore} 分）`],
                ['进驻本项目', managedSince],
              ]}
            />
          </Card>
        ) : (
          <Empty title="暂无物业公司信息" />
        )
      }
    </CloudView>
  )
}

// ---- 业主委员会 -----------------------------------------------------------------------------

export function CommitteeTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'committee', { projectId }))
  return (
    <CloudView state={state}>
      {({ committee: c }) =>
        c ? (
          <>
            <Card title={c.name} testId="committee-card">
              <View className="kit-card__tags">
                <Tag tone={c.filing.status === '已备案' ? 'success' : 'warning'}>
                  {c.filing.status}
                </Tag>
              </View>
              <Rows
                rows={[
                  ['选举日期', c.electedAt],
                  ['任期', range(c.termFrom, c.termTo)],
                  ['备案号', c.filing.no],
                  ['备案日期', c.filing.at],
                  ['备案机关', c.filing.by],
                ]}
              />
            </Card>
            <Card title={`委员（${formatCount(c.members.length)} 人）`} testId="committee-members">
              {c.members.map((m) => (
                <View
                  className="member-row"
                  key={`${m.post}-${m.name}`}
                  data-testid="committee-member"
                >
                  <Text className="member-row__name">{m.name}</Text>
                  <Tag tone={m.post === '主任' ? 'primary' : 'muted'}>{m.post}</Tag>
                  <Text className="member-row__meta">
                    {m.room} · {m.phone}
                  </Text>
                </View>
              ))}
            </Card>
          </>
        ) : (
          <Empty title="暂未成立业主委员会" />
        )
      }
    </CloudView>
  )
}

// ---- 党支部 ---------------------------------------------------------------------------------

export function PartyTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'party', { projectId }))
  return (
    <CloudView state={state}>
      {({ branch: b }) =>
        b ? (
          <Card title={b.name} testId="party-card">
            <Rows
              rows={[
                ['支部书记', b.secretary],
                ['党员人数', `${formatCount(b.memberCount)} 人`],
                ['成立日期', b.foundedAt],
                ['上级党组织', b.parent],
                ['联系电话', b.phone],
              ]}
            />
          </Card>
        ) : (
          <Empty title="暂未成立党支部" description="本小区尚无已成立党支部的记录" />
        )
      }
    </CloudView>
  )
}

// ---- 业主情况 -------------------------------------------------------------------------------

export function OwnersTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'owners', { projectId }))
  return (
    <CloudView state={state}>
      {({ owners: o }) =>
        o ? (
          <>
            <Card title="业主绑定情况" testId="owners-card">
              <Stats
                testId="owners-stats"
                items={[
                  ['总户数', formatCount(o.households)],
                  ['业主人数', formatCount(o.owners)],
                  ['已绑定业主', formatCount(o.bound)],
                  ['绑定率', o.bindingRate == null ? '—' : `${o.bindingRate.toFixed(1)}%`],
                ]}
              />
              <Text className="kit-card__note">数据更新：{cstDate(o.updatedAt)}</Text>
            </Card>
            <Card title="各楼栋" testId="owners-buildings">
              <View className="table">
                <View className="table__row table__row--head">
                  <Text className="table__cell">楼栋</Text>
                  <Text className="table__cell">户数</Text>
                  <Text className="table__cell">业主</Text>
                  <Text className="table__cell">已绑定</Text>
                  <Text className="table__cell">绑定率</Text>
                </View>
                {o.byBuilding.map((b) => (
                  <View className="table__row" key={b.building} data-testid="owners-building">
                    <Text className="table__cell">{b.building}</Text>
                    <Text className="table__cell">{b.households}</Text>
                    <Text className="table__cell">{b.owners}</Text>
                    <Text className="table__cell">{b.bound}</Text>
                    <Text className="table__cell">{percent(b.bound, b.owners)}</Text>
                  </View>
                ))}
              </View>
            </Card>
          </>
        ) : (
          <Empty title="暂无业主信息" />
        )
      }
    </CloudView>
  )
}

// ---- 安全检查 -------------------------------------------------------------------------------

const STATUS_TONE: Record<string, 'success' | 'warning' | 'danger' | 'muted' | 'primary'> = {
  已确认: 'success',
  待确认: 'warning',
  已退回: 'danger',
  草稿: 'primary',
  未填写: 'muted',
}

export function SafetyTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'safety', { projectId }))
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

// ---- 电子投票 -------------------------------------------------------------------------------

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

export function VotingTab({ projectId }: TabProps) {
  const { refreshOnAccessError } = useSession()
  const state = useTabCall(() => call(ProjectContract, 'voting', { projectId }))
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
              onError={refreshOnAccessError}
              fetchPage={(page) => call(ProjectContract, 'votes', { projectId, page })}
              keyOf={(v) => v._id}
              renderItem={(v) => <VoteRow v={v} />}
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

// ---- 设施设备 -------------------------------------------------------------------------------

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

export function FacilitiesTab({ projectId }: TabProps) {
  const { refreshOnAccessError } = useSession()
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
        onError={refreshOnAccessError}
        fetchPage={(page) => call(ProjectContract, 'facilities', { projectId, kind, page })}
        keyOf={(f) => f._id}
        renderItem={(f) => <FacilityRow f={f} />}
        empty={{ icon: 'settings', title: kind ? `暂无${kind}设备` : '暂无设施设备信息' }}
      />
    </>
  )
}

// ---- 物业服务合同 ---------------------------------------------------------------------------

export function ContractsTab({ projectId }: TabProps) {
  const state = useTabCall(() => call(ProjectContract, 'contracts', { projectId }))
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

// ---- 维修金信息 -----------------------------------------------------------------------------

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

export function FundTab({ projectId }: TabProps) {
  const { refreshOnAccessError } = useSession()
  const state = useTabCall(() => call(ProjectContract, 'fund', { projectId }))
  return (
    <CloudView state={state}>
      {({ fund: f }) =>
        f ? (
          <>
            <Card title="维修资金统管信息" testId="fund-card">
              <View className="kit-balance">
                <Text className="kit-balance__label">账户余额</Text>
                <Text className="kit-balance__value" data-testid="fund-balance">
                  {formatFen(f.balance)}
                </Text>
              </View>
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
              onError={refreshOnAccessError}
              fetchPage={(page) => call(ProjectContract, 'fundUses', { projectId, page })}
              keyOf={(u) => u._id}
              renderItem={(u) => <UseRow u={u} />}
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
