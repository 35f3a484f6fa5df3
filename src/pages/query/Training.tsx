import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton, AtFloatLayout } from 'taro-ui'
import { formatCount } from '../../../types/display'
import { fieldErrors } from '../../../types/fields'
import {
  QueryContract,
  TrainingFilter,
  trainingFilterProblems,
  type TrainingFilterInput,
  type TrainingRow,
  type TrainingSort,
} from '../../../types/query'
import FormField from '../../components/FormField'
import PagedList, { type ListColumn } from '../../components/PagedList'
import { call } from '../../services/api'
import SearchActions from './SearchActions'
import TrainingDetail, { ResultTag } from './TrainingDetail'

type TextKey = 'name' | 'idNo' | 'project' | 'company'
const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string; max: number }[] = [
  { key: 'name', label: '姓名', placeholder: '输入姓名', max: 20 },
  { key: 'idNo', label: '身份证号码', placeholder: '输入完整的18位身份证号码', max: 18 },
  { key: 'project', label: '小区', placeholder: '输入小区名称', max: 30 },
  { key: 'company', label: '公司名称', placeholder: '输入物业服务企业名称', max: 40 },
]

function cleaned(f: TrainingFilterInput): TrainingFilterInput {
  const out: TrainingFilterInput = {}
  for (const { key } of TEXT_FIELDS) {
    const v = f[key]?.trim()
    if (v) out[key] = v
  }
  if (f.startFrom) out.startFrom = f.startFrom
  if (f.startTo) out.startTo = f.startTo
  return out
}

function TrainingLine({ row, onDetail }: { row: TrainingRow; onDetail: () => void }) {
  return (
    <View className="trainee" data-testid="training-row">
      <View className="trainee__head">
        <Text className="trainee__name">{row.name}</Text>
        <ResultTag result={row.result} />
      </View>
      <Text className="trainee__meta" data-testid="training-id">
        {row.idNoMasked || '身份证号码未登记'}
        {row.position ? ` · ${row.position}` : ''}
      </Text>
      <Text className="trainee__meta">
        {row.projectName || '—'} · {row.company}
      </Text>
      <View className="trainee__foot">
        <Text className="trainee__meta">
          {row.startDate} 开始 · {row.courseCount} 门课程 · {row.totalHours} 学时
        </Text>
        <View className="trainee__detail" data-testid="training-detail-open">
          <AtButton size="small" type="secondary" onClick={onDetail}>
            详情
          </AtButton>
        </View>
      </View>
    </View>
  )
}

/** The computer's table (PagedList's columns); a row opens its 详情. */
const TRAINING_COLUMNS: readonly ListColumn<TrainingRow, TrainingSort['by']>[] = [
  {
    key: 'name',
    title: '姓名',
    render: (r) => r.name,
    sortKey: 'name',
  },
  { key: 'idNo', title: '身份证号码', width: 1.6, render: (r) => r.idNoMasked },
  { key: 'position', title: '岗位', render: (r) => r.position },
  {
    key: 'project',
    title: '小区',
    width: 1.4,
    render: (r) => r.projectName,
    sortBy: (r) => r.projectName,
  },
  { key: 'company', title: '公司名称', width: 1.6, render: (r) => r.company },
  {
    key: 'startDate',
    title: '开始时间',
    render: (r) => r.startDate,
    sortKey: 'startDate',
  },
  {
    key: 'hours',
    title: '学时',
    width: 1,
    render: (r) => `${r.totalHours}（${r.courseCount} 门）`,
    sortKey: 'totalHours',
  },
  { key: 'result', title: '结果', width: 0.8, render: (r) => <ResultTag result={r.result} /> },
]

/**
 * 企业人员培训结果: 姓名, 身份证号码, 小区, 公司名称 and 开始时间 in any combination; the list
 * shows the staff of the caller's property companies with the 身份证号码 masked by the function;
 * 详情 shows the courses, hours, results and certificate.
 */
export default function Training({ projectId }: { projectId: string | undefined }) {
  const [today] = useState(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
  const [form, setForm] = useState<TrainingFilterInput>({})
  const [applied, setApplied] = useState<TrainingFilterInput>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [total, setTotal] = useState<number | null>(null)
  const [viewing, setViewing] = useState<TrainingRow | null>(null)

  const search = () => {
    const filter = cleaned(form)
    const parsed = TrainingFilter.safeParse(filter)
    const problems = parsed.success ? trainingFilterProblems(filter) : fieldErrors(parsed.error)
    setErrors(problems)
    if (Object.keys(problems).length) return
    setApplied(parsed.success ? parsed.data : filter)
    setTotal(null)
  }

  const clear = () => {
    setForm({})
    setApplied({})
    setErrors({})
    setTotal(null)
  }

  return (
    <View className="training">
      <View className="card search-card" data-testid="training-search">
        {TEXT_FIELDS.map((f) => (
          <FormField key={f.key} name={`training-${f.key}`} label={f.label} error={errors[f.key]}>
            <Input
              className="search-card__input"
              placeholder={f.placeholder}
              maxlength={f.max + 10}
              value={form[f.key] ?? ''}
              onInput={(e) => setForm((s) => ({ ...s, [f.key]: e.detail.value }))}
              onConfirm={search}
            />
          </FormField>
        ))}
        <FormField
          name="training-start"
          label="开始时间"
          hint="选填：培训开始日期在此范围内"
          error={errors.startTo ?? errors.startFrom}
        >
          <View className="dates">
            <Picker
              mode="date"
              value={form.startFrom ?? today}
              end={today}
              onChange={(e) => setForm((s) => ({ ...s, startFrom: e.detail.value }))}
            >
              <Text className={`dates__value${form.startFrom ? '' : ' dates__value--empty'}`}>
                {form.startFrom ?? '起始日期'}
              </Text>
            </Picker>
            <Text className="dates__sep">至</Text>
            <Picker
              mode="date"
              value={form.startTo ?? today}
              onChange={(e) => setForm((s) => ({ ...s, startTo: e.detail.value }))}
            >
              <Text className={`dates__value${form.startTo ? '' : ' dates__value--empty'}`}>
                {form.startTo ?? '截止日期'}
              </Text>
            </Picker>
          </View>
        </FormField>
        <SearchActions testId="training" onClear={clear} onSearch={search} />
      </View>

      <View className="result-bar">
        <Text className="result-bar__total" data-testid="training-total">
          {total === null ? '查询中…' : `共 ${formatCount(total)} 人次`}
        </Text>
      </View>

      <PagedList<TrainingRow, TrainingSort['by']>
        testId="training-list"
        resetKey={`${projectId ?? ''}/${JSON.stringify(applied)}`}
        // A 姓名 / 开始时间 / 学时 header orders the whole list (its sortKey, one of TrainingSort's),
        // from page 0; the total stays the filter's.
        fetchPage={async (page, sort) => {
          const res = await call(QueryContract, 'training', {
            ...applied,
            page,
            sort,
          })
          if (page === 0) setTotal(res.total)
          return res
        }}
        keyOf={(r) => r._id}
        renderItem={(r) => <TrainingLine row={r} onDetail={() => setViewing(r)} />}
        columns={TRAINING_COLUMNS}
        onRowClick={setViewing}
        empty={{ icon: 'user', title: '没有符合条件的培训记录' }}
      />

      <AtFloatLayout
        className="training__detail"
        isOpened={!!viewing}
        title="培训结果详情"
        onClose={() => setViewing(null)}
      >
        {viewing ? <TrainingDetail key={viewing._id} resultId={viewing._id} /> : null}
      </AtFloatLayout>
    </View>
  )
}
