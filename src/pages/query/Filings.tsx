import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import { formatCount } from '../../../types/display'
import { fieldErrors } from '../../../types/fields'
import {
  EXPORT_MAX_ROWS,
  FILING_KINDS,
  FILING_STATUSES,
  FilingFilter,
  QueryContract,
  filingFilterProblems,
  type FilingExport,
  type FilingFilterInput,
  type FilingRow,
  type FilingSort,
} from '../../../types/query'
import { useConfirm } from '../../components/ConfirmDialog'
import FormField from '../../components/FormField'
import PagedList, { type ListColumn } from '../../components/PagedList'
import { useModuleAction } from '../../hooks/useModuleAction'
import { call } from '../../services/api'
import { toast } from '../../services/toast'
import { openExport } from './openExport'
import RegionChips from './RegionChips'
import SearchActions from './SearchActions'

function FilingLine({ row }: { row: FilingRow }) {
  return (
    <View className="filing" data-testid="filing-row">
      <View className="filing__head">
        <Text className="filing__name">{row.name}</Text>
        <Status row={row} />
      </View>
      <View className="filing__tags">
        <Text className="tag">{FILING_KINDS[row.kind].label}</Text>
        {row.public ? null : <Text className="tag tag--own">仅本项目可见</Text>}
      </View>
      <Text className="filing__meta">备案编号 {row.filingNo}</Text>
      <Text className="filing__meta">
        {row.projectName} · {row.district} {row.street}
      </Text>
      {row.company ? <Text className="filing__meta">{row.company}</Text> : null}
      <Text className="filing__meta">备案日期 {row.filedAt}</Text>
    </View>
  )
}

const Status = ({ row }: { row: FilingRow }) => (
  <Text className={`filing__status filing__status--${row.status}`}>
    {FILING_STATUSES[row.status]}
  </Text>
)

/** The computer's table of the matches (PagedList's columns). */
const FILING_COLUMNS: readonly ListColumn<FilingRow, FilingSort['by']>[] = [
  {
    key: 'name',
    title: '备案名称',
    width: 1.8,
    render: (r) => r.name,
    sortKey: 'name',
  },
  {
    key: 'kind',
    title: '备案类型',
    width: 1.8,
    render: (r) => (
      <>
        <Text className="tag">{FILING_KINDS[r.kind].label}</Text>
        {r.public ? null : <Text className="tag tag--own">仅本项目可见</Text>}
      </>
    ),
    sortBy: (r) => FILING_KINDS[r.kind].label,
  },
  { key: 'filingNo', title: '备案编号', width: 1.7, render: (r) => r.filingNo },
  {
    key: 'project',
    title: '项目',
    width: 1.6,
    render: (r) => `${r.projectName} · ${r.district} ${r.street}`,
    sortBy: (r) => r.projectName,
  },
  { key: 'company', title: '企业', width: 1.2, render: (r) => r.company },
  {
    key: 'filedAt',
    title: '备案日期',
    render: (r) => r.filedAt,
    sortKey: 'filedAt',
  },
  { key: 'status', title: '状态', width: 0.8, render: (r) => <Status row={r} /> },
]

/** The form's filter without empty fields: what 查询 applies and 导出 writes. */
function cleaned(f: FilingFilterInput): FilingFilterInput {
  return {
    ...(f.name?.trim() ? { name: f.name.trim() } : {}),
    ...(f.district ? { district: f.district } : {}),
    ...(f.street ? { street: f.street } : {}),
  }
}

/**
 * 备案综合查询: 备案名称 and, optionally, a district and its 街道; 查询 lists the matches a page at
 * a time with their total, 清空 starts over, 导出 has the function write every match the caller
 * may see (not only the pages shown) into an .xlsx and opens it.
 */
export default function Filings({ projectId }: { projectId: string | undefined }) {
  const { dialog, ask } = useConfirm()
  const { busy: exporting, run } = useModuleAction()
  const [form, setForm] = useState<FilingFilterInput>({})
  const [applied, setApplied] = useState<FilingFilterInput>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  /** The matches' total: null while page 0 loads, 'failed' when it could not. */
  const [total, setTotal] = useState<number | null | 'failed'>(null)
  const [exported, setExported] = useState<FilingExport | null>(null)

  const search = () => {
    const filter = cleaned(form)
    const parsed = FilingFilter.safeParse(filter)
    const problems = parsed.success ? filingFilterProblems(filter) : fieldErrors(parsed.error)
    setErrors(problems)
    if (Object.keys(problems).length) return
    setApplied(filter)
    setTotal(null)
    setExported(null)
  }

  const clear = () => {
    setForm({})
    setApplied({})
    setErrors({})
    setTotal(null)
    setExported(null)
  }

  const open = async (file: FilingExport) => {
    try {
      await openExport(file)
    } catch (err) {
      toast.error(err)
    }
  }

  const exportAll = async () => {
    if (exporting || typeof total !== 'number') return
    if (total === 0) return toast.info('没有可导出的备案')
    if (total > EXPORT_MAX_ROWS) {
      return toast.info(
        `共${formatCount(total)}条，超过单次导出上限${formatCount(EXPORT_MAX_ROWS)}条，请缩小查询范围`,
      )
    }
    const ok = await ask({
      title: '导出备案',
      content: `将按当前查询条件导出全部 ${formatCount(total)} 条备案（不止已显示的部分），生成 Excel 表格（.xlsx）。`,
      confirmText: '导出',
    })
    if (!ok) return
    const r = await run(QueryContract, 'exportFilings', { ...applied })
    if (!r.ok) return
    setExported(r.data)
    toast.success(`已导出${formatCount(r.data.rows)}条`)
    await open(r.data)
  }

  return (
    <View className="filings">
      <View className="card search-card" data-testid="filing-search">
        <FormField name="filing-name" label="备案名称" error={errors.name}>
          <Input
            className="search-card__input"
            placeholder="输入备案名称，如 阳光花园"
            maxlength={60}
            value={form.name ?? ''}
            onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))}
            onConfirm={search}
          />
        </FormField>
        <FormField
          name="region"
          label="所在区域"
          hint="选填：不选即全市"
          error={errors.street ?? errors.district}
        >
          <RegionChips
            district={form.district}
            street={form.street}
            onChange={(r) => setForm((f) => ({ name: f.name, ...r }))}
          />
        </FormField>
        <SearchActions testId="filing" onClear={clear} onSearch={search} />
      </View>

      <View className="result-bar">
        <Text className="result-bar__total" data-testid="filing-total">
          {total === null
            ? '查询中…'
            : total === 'failed'
              ? '查询失败'
              : `共 ${formatCount(total)} 条`}
        </Text>
        <View className="result-bar__action" data-testid="filing-export">
          <AtButton
            size="small"
            type="secondary"
            loading={exporting}
            disabled={exporting || typeof total !== 'number' || total === 0}
            onClick={() => void exportAll()}
          >
            {exporting ? '正在导出' : '导出'}
          </AtButton>
        </View>
      </View>
      {exported ? (
        <View className="export-note" data-testid="export-note">
          <Text className="export-note__text">
            已导出 {exported.rows} 条：{exported.fileName}
          </Text>
          <Text
            className="export-note__open"
            data-testid="export-open"
            onClick={() => void open(exported)}
          >
            再次打开
          </Text>
        </View>
      ) : null}

      <PagedList<FilingRow, FilingSort['by']>
        testId="filing-list"
        resetKey={`${projectId ?? ''}/${JSON.stringify(applied)}`}
        // A 备案名称 / 备案日期 header orders the whole list (its sortKey, one of FilingSort's),
        // from page 0; the total (and 导出's order) stay the filter's.
        fetchPage={async (page, sort) => {
          try {
            const res = await call(QueryContract, 'filings', {
              ...applied,
              page,
              sort,
            })
            if (page === 0) setTotal(res.total)
            return res
          } catch (err) {
            if (page === 0) setTotal('failed')
            throw err
          }
        }}
        keyOf={(r) => r._id}
        renderItem={(r) => <FilingLine row={r} />}
        columns={FILING_COLUMNS}
        empty={{ icon: 'search', title: '没有符合条件的备案', description: '换个名称或区域试试' }}
      />
      {dialog}
    </View>
  )
}
