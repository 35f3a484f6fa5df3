/**
 * 项目信息's tabs about who and what the project is: 基础信息, 从业人员, 物业公司, 业主委员会,
 * 党支部 and 业主情况.
 */
import { Text, View } from '@tarojs/components'
import { cstDate, formatArea, formatCount, percent } from '../../../../types/display'
import { ProjectContract, type StaffMember } from '../../../../types/project'
import CloudView from '../../../components/CloudView'
import { Card, Empty, Rows, Stats, Tag } from '../../../components/InfoCard'
import PagedList, { type ListColumn } from '../../../components/PagedList'
import { useModuleCall } from '../../../hooks/useModuleCall'
import { call } from '../../../services/api'
import { range, type TabProps } from './props'

/** 项目信息 › 基础信息. */
export function BasicTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'basic', { projectId })
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

/** The computer's table of 从业人员: what a desk worker checks of each, one line a person. */
const STAFF_COLUMNS: readonly ListColumn<StaffMember>[] = [
  { key: 'name', title: '姓名', render: (s) => s.name, sortBy: (s) => s.name },
  { key: 'post', title: '岗位', render: (s) => s.post, sortBy: (s) => s.post },
  { key: 'certificate', title: '证书', width: 2, render: (s) => s.certificate },
  { key: 'idNo', title: '身份证号码', width: 1.5, render: (s) => s.idNo || '未登记' },
  { key: 'phone', title: '电话', render: (s) => s.phone },
  { key: 'startDate', title: '入职日期', render: (s) => s.startDate, sortBy: (s) => s.startDate },
]

/** 项目信息 › 从业人员. */
export function StaffTab({ projectId }: TabProps) {
  return (
    <PagedList<StaffMember>
      testId="staff-list"
      fetchPage={(page) => call(ProjectContract, 'staff', { projectId, page })}
      keyOf={(s) => s._id}
      renderItem={(s) => <StaffRow s={s} />}
      columns={STAFF_COLUMNS}
      empty={{
        icon: 'user',
        title: '暂无从业人员信息',
        description: '平台暂无该项目的从业人员记录',
      }}
    />
  )
}

/** 项目信息 › 物业公司. */
export function CompanyTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'company', { projectId })
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

/** 项目信息 › 业主委员会. */
export function CommitteeTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'committee', { projectId })
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

/** 项目信息 › 党支部. */
export function PartyTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'party', { projectId })
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

/** 项目信息 › 业主情况. */
export function OwnersTab({ projectId }: TabProps) {
  const state = useModuleCall(ProjectContract, 'owners', { projectId })
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
