import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  CreditContract,
  RECORD_KINDS,
  SUBJECT_TYPES,
  type CreditRecord,
  type CreditSubject,
  type RecordKind,
} from '../../../../types/credit'
import CloudView from '../../../components/CloudView'
import { modulePage } from '../../../components/ModuleGate'
import { useRouteParam } from '../../../hooks/useRouteParam'
import PagedList, { type ListColumn } from '../../../components/PagedList'
import Tabs from '../../../components/Tabs'
import { call } from '../../../services/api'
import { Card, Rows, Tag } from '../../../components/InfoCard'
import { useModuleCall } from '../../../hooks/useModuleCall'
import './index.scss'

/** The basic information a subject of its type has (absent fields are left out). */
function basicRows(s: CreditSubject): [string, string | undefined][] {
  const term = s.termFrom ? `${s.termFrom} 至 ${s.termTo ?? '—'}` : undefined
  const rows: [string, string | undefined][] =
    s.type === 'company'
      ? [
          ['统一社会信用代码', s.uscc],
          ['法定代表人', s.legalPerson],
          ['信用等级', s.grade],
          ['注册地址', s.address],
        ]
      : [
          ['职务 / 身份', s.post],
          ['房号', s.room],
          ['身份证号码', s.idNo],
          ['联系电话', s.phone],
          ['从业资格', s.certificate],
          [s.type === 'manager' ? '任职起始' : '任期', s.type === 'manager' ? s.termFrom : term],
          ['成员', s.members?.join('、')],
        ]
  return rows.filter(([, v]) => v)
}

function RecordItem({ r }: { r: CreditRecord }) {
  return (
    <View className="kit-list-row" data-testid="credit-record" data-kind={r.kind}>
      <View className="kit-list-row__head">
        <Text className="kit-list-row__title">{r.title}</Text>
        <Tag tone={r.kind === 'good' ? 'success' : 'danger'}>
          {r.kind === 'good' ? '良好' : '不良'}
        </Tag>
      </View>
      <Text className="kit-list-row__line">{r.facts}</Text>
      <Text className="kit-list-row__line">
        认定日期：{r.date} · {r.authority}
      </Text>
      {r.docNo ? <Text className="kit-list-row__line">文号：{r.docNo}</Text> : null}
      {r.kind === 'bad' ? (
        <Text className="kit-list-row__line record-penalty" data-testid="credit-record-penalty">
          处理措施：{r.penalty} · 公示截止：{r.showUntil}
        </Text>
      ) : null}
    </View>
  )
}

/** The computer's table of one kind's records; 不良信息 adds its 处理措施 and 公示截止. */
const RECORD_COLUMNS: readonly ListColumn<CreditRecord>[] = [
  { key: 'title', title: '事项', width: 1.6, render: (r) => r.title },
  { key: 'facts', title: '事实', width: 2.4, render: (r) => r.facts },
  { key: 'date', title: '认定日期', render: (r) => r.date, sortBy: (r) => r.date },
  { key: 'authority', title: '认定部门', width: 1.4, render: (r) => r.authority },
  { key: 'docNo', title: '文号', width: 1.4, render: (r) => r.docNo },
]
const BAD_COLUMNS: readonly ListColumn<CreditRecord>[] = [
  ...RECORD_COLUMNS,
  { key: 'penalty', title: '处理措施', render: (r) => r.penalty },
  {
    key: 'showUntil',
    title: '公示截止',
    render: (r) => r.showUntil,
    sortBy: (r) => r.showUntil ?? '',
  },
]

function SubjectBody({ projectId }: { projectId?: string }) {
  const subjectId = useRouteParam('subjectId')
  const [kind, setKind] = useState<RecordKind>('good')
  const state = useModuleCall(CreditContract, 'subject', { projectId, subjectId })
  return (
    <CloudView state={state}>
      {({ subject: s, counts }) => (
        <>
          <Card testId="credit-subject-basic">
            <View className="kit-card__tags">
              <Tag>{SUBJECT_TYPES[s.type]}</Tag>
            </View>
            <Text className="kit-card__title">{s.name}</Text>
            <Rows rows={basicRows(s)} />
          </Card>
          <Tabs
            className="records-tabs"
            testId="credit-record-kinds"
            current={kind}
            onChange={setKind}
            items={[
              { key: 'good', title: RECORD_KINDS.good, count: counts.good },
              { key: 'bad', title: RECORD_KINDS.bad, count: counts.bad, alert: true },
            ]}
          />
          <PagedList<CreditRecord>
            testId="credit-records"
            resetKey={kind}
            fetchPage={(page) =>
              call(CreditContract, 'records', { projectId, subjectId, kind, page })
            }
            keyOf={(r) => r._id}
            renderItem={(r) => <RecordItem r={r} />}
            columns={kind === 'bad' ? BAD_COLUMNS : RECORD_COLUMNS}
            empty={{
              icon: kind === 'good' ? 'star' : 'check-circle',
              title: kind === 'good' ? '暂无良好信息' : '暂无不良信息',
              description: kind === 'bad' ? '公示期已满的不良信息不再显示' : undefined,
            }}
          />
        </>
      )}
    </CloudView>
  )
}

/** One credit subject: basic information (ID number and phone masked), 良好信息 and 不良信息. */
export default modulePage('credit', SubjectBody, { className: 'credit-page', switcher: false })
