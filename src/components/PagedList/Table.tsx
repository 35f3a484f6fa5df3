import { usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { AppError } from '../../../types/errors'
import { toast } from '../../services/toast'
import type { ListSort } from '../../../types/fields'
import type { ListColumn, ListPage, PagedListHandle, PagedListProps } from './index'
import Pager from './Pager'
import ListPlaceholder from './Placeholder'

type Order = 'asc' | 'desc'

interface State<T> {
  /** The page shown (0-based) and its rows. */
  page: number
  rows: T[]
  more: boolean
  loading: boolean
  /** A page has answered at least once. */
  loaded: boolean
  error: AppError | null
}

const asAppError = (err: unknown) => (err instanceof AppError ? err : new AppError('INTERNAL'))

/** The page's rows in the column's order; ties keep the server's order. */
function sorted<T>(rows: T[], by: ((row: T) => string | number) | undefined, order: Order) {
  if (!by) return rows
  const sign = order === 'asc' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i, v: by(row) }))
    .sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i))
    .map((x) => x.row)
}

/**
 * Whether a header sorts: by the list's action (sortKey) always; by the rows on screen (sortBy)
 * only while they are the whole list, or it would order 20 of 300 and look like all of them.
 */
const sortable = (c: Pick<ListColumn<never>, 'sortKey'> & { sortBy?: unknown }, whole: boolean) =>
  !!(c.sortKey || (c.sortBy && whole))

/** The next order a header's tap gives: 升序, 降序, then the list's own order again. */
const NEXT_ORDER: Record<Order | 'none', Order | undefined> = {
  none: 'asc',
  asc: 'desc',
  desc: undefined,
}

/**
 * The computer's form of a PagedList with `columns`: a table a page at a time (上一页 / 第 N 页 /
 * 下一页), a header that sorts by a column, a row's tap as `onRowClick`. A column with a
 * `sortKey` asks the list's action for the whole list in that order, from its first page; one
 * with only `sortBy` orders the rows on screen. The actions answer a page and whether another
 * follows, not a total, so the pager says no more than that.
 */
export default function Table<T, K extends string>(
  props: PagedListProps<T, K> & { report: (err: unknown) => void; rootClass: string },
) {
  const { columns = [], keyOf, onRowClick, empty, handleRef, rootClass } = props
  const testId = props.testId ?? 'paged-list'
  const pullDownRefresh = props.pullDownRefresh ?? true
  const [state, setState] = useState<State<T>>({
    page: 0,
    rows: [],
    more: false,
    loading: true,
    loaded: false,
    error: null,
  })
  const [sort, setSort] = useState<{ key: string; order: Order } | null>(null)
  // The latest props and report: a page's new closures must not start the list again.
  const latest = useRef(props)
  const stateRef = useRef(state)
  useEffect(() => {
    latest.current = props
    stateRef.current = state
  })
  /** The order the list's action is asked for (a header with a sortKey), if any. */
  const asked = useRef<ListSort<K> | undefined>(undefined)
  /** Bumped by every load: an answer overtaken by a newer one is dropped. */
  const seq = useRef(0)
  const mounted = useRef(true)

  /** Loads `page` as load `mine` (see seq); the state says loading already. */
  const settle = useCallback(async (page: number, mine: number) => {
    try {
      let at = page
      let answer: ListPage<T> = await latest.current.fetchPage(at, asked.current)
      // The page emptied meanwhile (rows done or removed): the one before it.
      while (answer.rows.length === 0 && at > 0 && mounted.current && mine === seq.current) {
        at -= 1
        answer = await latest.current.fetchPage(at, asked.current)
      }
      if (!mounted.current || mine !== seq.current) return
      setState({
        page: at,
        rows: answer.rows,
        more: answer.more,
        loading: false,
        loaded: true,
        error: null,
      })
    } catch (err) {
      if (!mounted.current || mine !== seq.current) return
      latest.current.report(err)
      const error = asAppError(err)
      // Rows on screen stay; the failure is told in a toast.
      if (stateRef.current.loaded) toast.error(error)
      setState((s) => ({ ...s, loading: false, error }))
    }
  }, [])

  const load = useCallback(
    (page: number) => {
      setState((s) => ({ ...s, loading: true, error: null }))
      return settle(page, ++seq.current)
    },
    [settle],
  )

  useEffect(() => {
    mounted.current = true
    void settle(0, ++seq.current)
    return () => {
      mounted.current = false
    }
  }, [settle])

  const reload = useCallback(() => load(stateRef.current.page), [load])
  useEffect(() => {
    if (!handleRef) return
    handleRef.current = { reload } satisfies PagedListHandle
    return () => {
      handleRef.current = null
    }
  }, [handleRef, reload])

  usePullDownRefresh(() => {
    if (!pullDownRefresh) return
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const { page, rows, more, loading, loaded, error } = state
  const whole = page === 0 && !more
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined
  // The action sorted the rows already when the column has a sortKey.
  const shown = useMemo(
    () => (column?.sortKey || !whole ? rows : sorted(rows, column?.sortBy, sort?.order ?? 'asc')),
    [rows, column, sort, whole],
  )
  const template = columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' ')

  if (!loaded || (rows.length === 0 && page === 0)) {
    return (
      <ListPlaceholder
        rootClass={rootClass}
        testId={testId}
        loaded={loaded}
        error={error}
        none={rows.length === 0 && page === 0}
        empty={empty}
        onRetry={() => void load(0)}
      />
    )
  }

  const toggle = (key: string) => {
    const order = NEXT_ORDER[sort?.key === key ? sort.order : 'none']
    setSort(order ? { key, order } : null)
    const sortKey = columns.find((c) => c.key === key)?.sortKey
    const next = order && sortKey ? { by: sortKey, order } : undefined
    // The whole list in the new order, from its first page.
    if (next || asked.current) {
      asked.current = next
      void load(0)
    }
  }

  return (
    <View className={`${rootClass} paged-table`} data-testid={testId} data-page={page + 1}>
      <View
        className={`paged-table__grid${loading ? ' paged-table__grid--loading' : ''}`}
        role="table"
      >
        <View className="paged-table__head" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const on = sortable(c, whole)
            const order = on && sort?.key === c.key ? sort.order : undefined
            return (
              <View
                key={c.key}
                role="columnheader"
                aria-sort={order ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`paged-table__th${on ? ' paged-table__th--sortable' : ''}${c.align === 'end' ? ' paged-table__th--end' : ''}`}
                data-testid={on ? `${testId}-sort-${c.key}` : undefined}
                data-sort={order}
                onClick={on ? () => toggle(c.key) : undefined}
              >
                <Text>{c.title}</Text>
                {on ? (
                  <Text className="paged-table__arrow">
                    {order === 'asc' ? '↑' : order === 'desc' ? '↓' : '↕'}
                  </Text>
                ) : null}
              </View>
            )
          })}
        </View>
        {shown.map((row, i) => (
          <View
            key={keyOf(row)}
            role="row"
            className={`paged-table__row${onRowClick ? ' paged-table__row--link' : ''}`}
            data-testid={`${testId}-row`}
            style={{ gridTemplateColumns: template }}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
          >
            {columns.map((c) => (
              <View
                key={c.key}
                role="cell"
                className={`paged-table__td${c.align === 'end' ? ' paged-table__td--end' : ''}`}
                data-column={c.key}
              >
                {cell(c.render(row, i))}
              </View>
            ))}
          </View>
        ))}
      </View>
      <Pager
        testId={testId}
        page={page}
        more={more}
        loading={loading}
        onPage={(n) => void load(n)}
      />
    </View>
  )
}

/** Text as it is; an empty value as a dash, so a blank cell does not read as missing. */
const cell = (content: ReactNode) =>
  content === null || content === undefined || content === '' ? '—' : content
