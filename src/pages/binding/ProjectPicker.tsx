import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { AtActivityIndicator, AtIcon, AtSearchBar } from 'taro-ui'
import { BindingContract, BindingInput, type ProjectSummary } from '../../../types/binding'
import { call } from '../../services/api'
import { errorText } from '../../services/reply'
import { COLORS } from '../../styles/colors'

interface Props {
  value: ProjectSummary | null
  onChange: (project: ProjectSummary | null) => void
}

type Search =
  | { state: 'idle' }
  | { state: 'loading'; keyword: string }
  | { state: 'done'; keyword: string; results: ProjectSummary[] }
  | { state: 'error'; keyword: string; message: string }

const DEBOUNCE_MS = 400

/** 所在项目: search by 小区名称或项目编号, tap a result; the picked one can be changed. */
export default function ProjectPicker({ value, onChange }: Props) {
  const [keyword, setKeyword] = useState('')
  const [search, setSearch] = useState<Search>({ state: 'idle' })
  const [keywordError, setKeywordError] = useState('')
  const seq = useRef(0)
  const lastKeyword = useRef('')

  const run = async (raw: string, force = false) => {
    const parsed = BindingInput.searchProjects.shape.keyword.safeParse(raw)
    if (!parsed.success) {
      if (force) setKeywordError(parsed.error.issues[0].message)
      return
    }
    const kw = parsed.data
    if (!force && kw === lastKeyword.current) return
    lastKeyword.current = kw
    setKeywordError('')
    const mine = ++seq.current
    setSearch({ state: 'loading', keyword: kw })
    try {
      const results = await call(BindingContract, 'searchProjects', { keyword: kw })
      if (mine === seq.current) setSearch({ state: 'done', keyword: kw, results })
    } catch (err) {
      if (mine === seq.current) setSearch({ state: 'error', keyword: kw, message: errorText(err) })
    }
  }

  // Search as the user types, once they pause.
  useEffect(() => {
    if (!keyword.trim()) return
    const timer = setTimeout(() => void run(keyword), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [keyword])

  if (value) {
    return (
      <View className="binding__picked" data-testid="project-picked">
        <AtIcon value="map-pin" size="20" color={COLORS.primary} />
        <View className="binding__picked-main">
          <Text className="binding__picked-name">{value.name}</Text>
          <Text className="binding__picked-meta">
            {value.code} · {value.district}
            {value.street}
          </Text>
        </View>
        <Text className="binding__link" data-testid="project-change" onClick={() => onChange(null)}>
          更换
        </Text>
      </View>
    )
  }

  return (
    <View className="binding__picker" data-testid="project-picker">
      <AtSearchBar
        className="binding__search"
        value={keyword}
        placeholder="小区名称或项目编号"
        showActionButton
        onChange={(v: string) => {
          setKeyword(v)
          setKeywordError('')
          if (!v.trim()) {
            seq.current++
            lastKeyword.current = ''
            setSearch({ state: 'idle' })
          }
        }}
        onActionClick={() => void run(keyword, true)}
        onConfirm={() => void run(keyword, true)}
      />
      {keywordError ? <Text className="form-field__error">{keywordError}</Text> : null}
      {search.state === 'loading' ? (
        <View className="binding__search-state">
          <AtActivityIndicator size={28} content="搜索中…" />
        </View>
      ) : search.state === 'error' ? (
        <View className="binding__search-state">
          <Text>{search.message}</Text>
          <Text className="binding__link" onClick={() => void run(search.keyword, true)}>
            重试
          </Text>
        </View>
      ) : search.state === 'done' && search.results.length === 0 ? (
        <View className="binding__search-state">
          <Text>未找到“{search.keyword}”，请核对小区名称或项目编号</Text>
        </View>
      ) : search.state === 'done' ? (
        <View className="binding__results">
          {search.results.map((p) => (
            <View
              key={p._id}
              className="binding__result"
              data-testid={`project-result-${p._id}`}
              onClick={() => onChange(p)}
            >
              <View className="binding__result-main">
                <Text className="binding__result-name">{p.name}</Text>
                <Text className="binding__result-meta">
                  {p.code} · {p.district}
                  {p.street}
                </Text>
              </View>
              <AtIcon value="chevron-right" size="18" color={COLORS.muted} />
            </View>
          ))}
        </View>
      ) : (
        <View className="binding__search-state">
          <Text>输入小区名称或项目编号搜索，例如“阳光花园”</Text>
        </View>
      )}
    </View>
  )
}
