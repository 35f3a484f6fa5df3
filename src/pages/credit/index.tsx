import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtIcon } from 'taro-ui'
import {
  CreditContract,
  SUBJECT_TYPE_KEYS,
  SUBJECT_TYPES,
  type SubjectRow,
  type SubjectType,
} from '../../../types/credit'
import { modulePage } from '../../components/ModuleGate'
import PagedList, { type ListColumn } from '../../components/PagedList'
import Tabs from '../../components/Tabs'
import { call } from '../../services/api'
import { COLORS } from '../../styles/colors'
import { Tag } from '../../components/InfoCard'
import './index.scss'

export const subjectPage = (subjectId: string) =>
  `/pages/credit/subject/index?subjectId=${encodeURIComponent(subjectId)}`

const TYPE_TABS = SUBJECT_TYPE_KEYS.map((key) => ({ key, title: SUBJECT_TYPES[key] }))

function SubjectItem({ s }: { s: SubjectRow }) {
  const line = [s.post, s.room].filter(Boolean).join(' · ')
  return (
    <View
      className="kit-list-row kit-list-row--link subject-row"
      data-testid="credit-subject"
      data-subject-id={s._id}
      onClick={() => openSubject(s)}
    >
      <View className="subject-row__main">
        <View className="kit-list-row__head">
          <Text className="kit-list-row__title">{s.name}</Text>
          {s.grade ? <Tag tone="success">{`信用等级 ${s.grade}`}</Tag> : null}
        </View>
        {line ? <Text className="kit-list-row__line">{line}</Text> : null}
      </View>
      <AtIcon value="chevron-right" size="16" color={COLORS.disabled} />
    </View>
  )
}

const openSubject = (s: SubjectRow) => void Taro.navigateTo({ url: subjectPage(s._id) })

/** The computer's table (PagedList's columns); a row opens the subject. */
const COLUMNS: readonly ListColumn<SubjectRow>[] = [
  { key: 'name', title: '名称', width: 2, render: (s) => s.name, sortBy: (s) => s.name },
  { key: 'post', title: '职务', render: (s) => s.post },
  { key: 'room', title: '房号', render: (s) => s.room },
  {
    key: 'grade',
    title: '信用等级',
    render: (s) => (s.grade ? <Tag tone="success">{s.grade}</Tag> : null),
    sortBy: (s) => s.grade ?? '~',
  },
]

/**
 * 信用信息 (manual §6): the project's 物业企业, 项目负责人, 业委会主任, 业主, 业委会执行秘书 and
 * 业主监事（会）, a tab each; a tap opens one's basic information with its 良好 and 不良 records.
 */
function CreditBody({ projectId }: { projectId: string | undefined }) {
  const [type, setType] = useState<SubjectType>('company')
  return (
    <>
      <Tabs testId="credit-types" scroll items={TYPE_TABS} current={type} onChange={setType} />
      <PagedList<SubjectRow>
        testId="credit-subjects"
        resetKey={type}
        fetchPage={(page) => call(CreditContract, 'subjects', { projectId, type, page })}
        keyOf={(s) => s._id}
        renderItem={(s) => <SubjectItem s={s} />}
        columns={COLUMNS}
        onRowClick={openSubject}
        empty={{
          icon: 'star',
          title: `暂无${SUBJECT_TYPES[type]}信用信息`,
          description: '平台暂未发布该类主体的信用记录',
        }}
      />
    </>
  )
}

export default modulePage('credit', CreditBody, { className: 'credit-page' })
