import { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type MutableRefObject,
  type ReactNode,
} from 'react'
import { AtActivityIndicator } from 'taro-ui'
import { AppError } from '../../../types/errors'
import type { ListSort } from '../../../types/fields'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import { useDesktop } from '../../hooks/useDesktop'
import Table from './Table'
import ListPlaceholder from './Placeholder'
import './index.scss'

/** One page of a list, as the modules' list actions answer (`more`: another page follows). */
export interface ListPage<T> {
  rows: T[]
  more: boolean
}

/** What a page may ask of its list (see `handle`). */
export interface PagedListHandle {
  /** Loads page 0 again (rows stay on screen meanwhile); resolves when settled. */
  reload: () => Promise<void>
}

/** `K`: the sort keys of the list's action (its `sort.by`), for the columns' `sortKey`. */
export interface PagedListProps<T, K extends string = string> {
  /**
   * Loads page `n` (0-based). The latest function is used; change `resetKey` to start over. On a
   * computer's table, `sort` is the order a header with a `sortKey` asked for (pass it on to the
   * list's action); otherwise it is absent.
   */
  fetchPage: (page: number, sort?: ListSort<K>) => Promise<ListPage<T>>
  keyOf: (row: T) => string
  renderItem: (row: T, index: number) => ReactNode
  /** When it changes, the list starts again from page 0 (another tab, another project). */
  resetKey?: string | number
  /** Shown when page 0 is empty (default: 暂无记录 with the file icon). */
  empty?: { icon?: string; title: string; description?: string }
  /**
   * Pull-to-refresh reloads the list (through usePullDownRefresh; the page's config needs
   * `enablePullDownRefresh: true`). Turn off when the page refreshes more than the list and
   * wires it through `handle`. Default true.
   */
  pullDownRefresh?: boolean
  /** Loads the next page when the page is scrolled to its bottom (default true). */
  loadOnReachBottom?: boolean
  /** Filled with the list's handle, for a page that reloads it itself (none by default). */
  handleRef?: MutableRefObject<PagedListHandle | null>
  /**
   * Told of every failed load (none by default). The session is told anyway: a refusal that
   * means it is out of date (module withdrawn) refreshes it once, as useModuleCall does.
   */
  onError?: (err: unknown) => void
  /**
   * `data-testid` of the list (default `paged-list`; rows are `<testId>-row`, the footer
   * `<testId>-more`).
   */
  testId?: string
  /** Classes added to the list's root, after its own. */
  className?: string
  /**
   * On a computer (H5 from 1024 px), the list is a table of these columns, a page at a time
   * (Table.tsx); `renderItem` draws the rows on a phone. None: the same rows at every width.
   */
  columns?: readonly ListColumn<T, K>[]
  /** The table's row tap (on a phone, the row drawn by `renderItem` handles its own taps). */
  onRowClick?: (row: T) => void
}

/** A column of the computer's table. */
export interface ListColumn<T, K extends string = string> {
  key: string
  title: string
  render: (row: T, index: number) => ReactNode
  /**
   * The list's own sort key for this column (its action's `sort.by`, see types/fields.ts
   * sortField): the header orders the whole list, from its first page.
   */
  sortKey?: K
  /**
   * For a list whose action cannot sort: the value the header orders the rows on screen by,
   * offered only while they are the whole list (one page). A column with neither cannot be sorted.
   */
  sortBy?: (row: T) => string | number
  /** Its share of the table's width (default 1). */
  width?: number
  /** `end` for figures (amounts, counts): right-aligned, so their digits line up. */
  align?: 'start' | 'end'
}

type Status = 'loading' | 'idle' | 'loadingMore' | 'error'

interface State<T> {
  rows: T[]
  /** The next page to load. */
  next: number
  more: boolean
  status: Status
  /** Page 0 has answered at least once. */
  loaded: boolean
  error: AppError | null
  /** The last "load more" failed (the footer offers 重试). */
  moreFailed: boolean
}

const INITIAL: State<never> = {
  rows: [],
  next: 0,
  more: false,
  status: 'loading',
  loaded: false,
  error: null,
  moreFailed: false,
}

const asAppError = (err: unknown) => (err instanceof AppError ? err : new AppError('INTERNAL'))

/**
 * A paged list: page 0 on mount (and when `resetKey` changes), the next page on reaching the
 * bottom or on 加载更多, pull-to-refresh, and the states a list has: loading, empty, error with
 * 重试 or the way back (no rows yet; see ErrorBlock) or a toast (rows stay), and 没有更多了.
 *
 *   <PagedList
 *     fetchPage={(page) => call(TodosContract, 'list', { projectId, status, page })}
 *     resetKey={`${projectId}/${status}`}
 *     keyOf={(t) => t._id}
 *     renderItem={(t) => <TodoRow todo={t} />}
 *     empty={{ title: '暂无待办' }}
 *   />
 */
export default function PagedList<T, K extends string = string>(props: PagedListProps<T, K>) {
  const desktop = useDesktop()
  const { refreshOnAccessError } = useSession()
  const key = props.resetKey ?? ''
  // A new resetKey mounts a fresh list: page 0, nothing of the old rows.
  if (desktop && props.columns?.length) {
    const rootClass = `paged-list${props.className ? ` ${props.className}` : ''}`
    const report = (err: unknown) => {
      props.onError?.(err)
      refreshOnAccessError(err)
    }
    return <Table key={`table/${key}`} {...props} report={report} rootClass={rootClass} />
  }
  return <List key={key} {...props} />
}

function List<T, K extends string>(props: PagedListProps<T, K>) {
  const {
    keyOf,
    renderItem,
    empty,
    pullDownRefresh = true,
    loadOnReachBottom = true,
    handleRef,
    testId = 'paged-list',
    className,
  } = props
  const [state, setState] = useState<State<T>>(INITIAL as State<T>)
  const { refreshOnAccessError } = useSession()
  const latest = useRef(props)
  const stateRef = useRef(state)
  /** A failed load: the page's onError and the session hear of it. */
  const report = useRef<(err: unknown) => void>(refreshOnAccessError)
  useEffect(() => {
    latest.current = props
    stateRef.current = state
    report.current = (err) => {
      props.onError?.(err)
      refreshOnAccessError(err)
    }
  })
  /** Bumped by every page-0 load: an answer for an older one is dropped. */
  const seq = useRef(0)
  const mounted = useRef(true)
  /** Reach-bottom may fire again before the re-render: one next page at a time. */
  const moreInFlight = useRef(false)

  /** Loads page 0 as load `mine`; an answer overtaken by a newer load is dropped. */
  const settleFirst = useCallback(async (mine: number) => {
    try {
      const page = await latest.current.fetchPage(0)
      if (!mounted.current || mine !== seq.current) return
      setState({
        rows: page.rows,
        next: 1,
        more: page.more,
        status: 'idle',
        loaded: true,
        error: null,
        moreFailed: false,
      })
    } catch (err) {
      if (!mounted.current || mine !== seq.current) return
      report.current(err)
      const error = asAppError(err)
      // Rows on screen stay; the failure is told in a toast.
      if (stateRef.current.loaded) toast.error(error)
      setState((s) => ({ ...s, status: s.loaded ? 'idle' : 'error', error }))
    }
  }, [])

  const loadFirst = useCallback(() => {
    const mine = ++seq.current
    setState((s) => ({ ...s, status: 'loading', error: null, moreFailed: false }))
    return settleFirst(mine)
  }, [settleFirst])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (s.status !== 'idle' || !s.more || moreInFlight.current) return
    moreInFlight.current = true
    const mine = seq.current
    setState((x) => ({ ...x, status: 'loadingMore', moreFailed: false }))
    try {
      const page = await latest.current.fetchPage(s.next)
      if (!mounted.current || mine !== seq.current) return
      setState((x) => ({
        ...x,
        rows: [...x.rows, ...page.rows],
        next: x.next + 1,
        more: page.more,
        status: 'idle',
      }))
    } catch (err) {
      if (!mounted.current || mine !== seq.current) return
      report.current(err)
      toast.error(err)
      setState((x) => ({ ...x, status: 'idle', moreFailed: true }))
    } finally {
      moreInFlight.current = false
    }
  }, [])

  useEffect(() => {
    mounted.current = true
    void settleFirst(++seq.current)
    return () => {
      mounted.current = false
    }
  }, [settleFirst])

  useEffect(() => {
    if (!handleRef) return
    handleRef.current = { reload: loadFirst }
    return () => {
      handleRef.current = null
    }
  }, [handleRef, loadFirst])

  usePullDownRefresh(() => {
    if (!pullDownRefresh) return
    void loadFirst().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    if (loadOnReachBottom) void loadMore()
  })

  const { rows, status, loaded, error, more, moreFailed } = state
  const rootClass = `paged-list${className ? ` ${className}` : ''}`

  if (!loaded || rows.length === 0) {
    return (
      <ListPlaceholder
        rootClass={rootClass}
        testId={testId}
        loaded={loaded}
        error={status === 'error' ? error : null}
        none={rows.length === 0}
        empty={empty}
        onRetry={() => void loadFirst()}
      />
    )
  }

  return (
    <View className={rootClass} data-testid={testId}>
      <View className="paged-list__rows">
        {rows.map((row, i) => (
          <View key={keyOf(row)} className="paged-list__row" data-testid={`${testId}-row`}>
            {renderItem(row, i)}
          </View>
        ))}
      </View>
      <View
        className={`paged-list__footer${more && status === 'idle' ? ' paged-list__footer--more' : ''}`}
        data-testid={`${testId}-more`}
        onClick={() => {
          if (more) void loadMore()
        }}
      >
        {status === 'loadingMore' ? (
          <AtActivityIndicator size={28} content="加载中…" />
        ) : (
          <Text>{more ? (moreFailed ? '加载失败，点击重试' : '加载更多') : '没有更多了'}</Text>
        )}
      </View>
    </View>
  )
}
