import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AtActivityIndicator, AtButton, AtIcon, AtSearchBar } from 'taro-ui'
import { WeatherContract, WeatherInput, type Place } from '../../../types/weather'
import { useModuleAction } from '../../hooks/useModuleAction'
import { call } from '../../services/api'
import { errorText } from '../../services/reply'
import { COLORS } from '../../styles/colors'

interface Props {
  projectId: string | undefined
  /** The place now shown (marked in the results). */
  currentId: string | undefined
  /** Called with the place once the server has remembered it (确定选择). */
  onChosen: (place: Place) => void
  onCancel: () => void
}

type Search =
  | { state: 'idle' }
  | { state: 'loading'; keyword: string }
  | { state: 'done'; keyword: string; results: Place[] }
  | { state: 'error'; keyword: string; message: string }

/** 区 · 街道 · 地址 of a place, as far as it is known. */
export function placeLine(place: Place): string {
  return [place.district, place.street, place.address].filter(Boolean).join(' · ')
}

/**
 * 更换地点: search by 小区 / 街道 / 地址 (a literal keyword; the provider adds districts), tap a
 * result, 确定选择 — the server remembers it for this person.
 */
export default function PlaceSearch({ projectId, currentId, onChosen, onCancel }: Props) {
  const [keyword, setKeyword] = useState('')
  const [keywordError, setKeywordError] = useState('')
  const [search, setSearch] = useState<Search>({ state: 'idle' })
  const [picked, setPicked] = useState<Place | null>(null)
  const { busy: saving, run: save, fail } = useModuleAction()
  const seq = useRef(0)

  const run = async (raw: string) => {
    const parsed = WeatherInput.search.shape.keyword.safeParse(raw)
    if (!parsed.success) {
      setKeywordError(parsed.error.issues[0].message)
      return
    }
    const kw = parsed.data
    setKeywordError('')
    setPicked(null)
    const mine = ++seq.current
    setSearch({ state: 'loading', keyword: kw })
    try {
      const results = await call(WeatherContract, 'search', { projectId, keyword: kw })
      if (mine === seq.current) setSearch({ state: 'done', keyword: kw, results })
    } catch (err) {
      if (mine !== seq.current) return
      setSearch({ state: 'error', keyword: kw, message: errorText(err) })
      // Shown in the results' place; the session hears of a withdrawn module all the same.
      fail(err, { onError: () => true })
    }
  }

  const confirm = async () => {
    if (!picked || saving) return
    const input = { projectId, placeId: picked._id }
    const r = await save(WeatherContract, 'choose', input, { done: '已选择' })
    if (r.ok) onChosen(r.data)
  }

  return (
    <View className="place-search card" data-testid="place-search">
      <View className="place-search__head">
        <Text className="place-search__title">选择地点</Text>
        <Text className="place-search__cancel" data-testid="place-cancel" onClick={onCancel}>
          取消
        </Text>
      </View>
      <View data-testid="place-keyword">
        <AtSearchBar
          className="place-search__bar"
          value={keyword}
          placeholder="输入小区、街道或地址"
          actionName="搜索"
          showActionButton
          onChange={(v: string) => {
            setKeyword(v)
            setKeywordError('')
          }}
          onActionClick={() => void run(keyword)}
          onConfirm={() => void run(keyword)}
        />
      </View>
      {keywordError ? (
        <Text className="place-search__error" data-testid="place-keyword-error">
          {keywordError}
        </Text>
      ) : null}

      {search.state === 'loading' ? (
        <View className="place-search__state">
          <AtActivityIndicator size={28} content="搜索中…" />
        </View>
      ) : search.state === 'error' ? (
        <View className="place-search__state" data-testid="place-search-error">
          <Text>{search.message}</Text>
          <Text className="place-search__link" onClick={() => void run(search.keyword)}>
            重试
          </Text>
        </View>
      ) : search.state === 'done' && search.results.length === 0 ? (
        <View className="place-search__state" data-testid="place-none">
          <Text>未找到“{search.keyword}”相关地点，请换个关键词</Text>
        </View>
      ) : search.state === 'done' ? (
        <View className="place-search__results" data-testid="place-results">
          {search.results.map((p) => {
            const on = picked?._id === p._id
            return (
              <View
                key={p._id}
                className={`place-result${on ? ' place-result--on' : ''}`}
                data-testid={`place-result-${p._id}`}
                data-picked={on ? 'true' : 'false'}
                onClick={() => setPicked(p)}
              >
                <View className="place-result__main">
                  <Text className="place-result__name">
                    {p.name}
                    {p._id === currentId ? '（当前）' : ''}
                  </Text>
                  <Text className="place-result__line">{placeLine(p)}</Text>
                </View>
                <AtIcon
                  value={on ? 'check-circle' : 'chevron-right'}
                  size="20"
                  color={on ? COLORS.primary : COLORS.disabled}
                />
              </View>
            )
          })}
        </View>
      ) : (
        <View className="place-search__state">
          <Text>可按小区名称、街道或地址搜索，例如“沙头”“粤海街道”</Text>
        </View>
      )}

      <View className="place-search__confirm" data-testid="place-confirm">
        <AtButton
          type="primary"
          disabled={!picked || saving}
          loading={saving}
          onClick={() => void confirm()}
        >
          {picked ? `确定选择：${picked.name}` : '确定选择'}
        </AtButton>
      </View>
    </View>
  )
}
