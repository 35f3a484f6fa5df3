import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/** The latest `fn`, for a page event registered once. */
function useLatest<T>(fn: T) {
  const latest = useRef(fn)
  useEffect(() => {
    latest.current = fn
  })
  return latest
}

/**
 * Runs `reload` when the page is shown again after it was hidden: back from a page it opened
 * (办理, 发布, the form) or the app back from the background, where the work may have been done
 * meanwhile. Not on the first show (the page's calls run when it mounts).
 *
 *   useReloadOnShow(() => Promise.all([counts.reload(), list.current?.reload()]))
 *
 * @param reload - what to run; the latest render's is used
 */
export function useReloadOnShow(reload: () => unknown): void {
  const latest = useLatest(reload)
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void latest.current()
  })
}

/**
 * Pull-to-refresh runs `reload` and stops the spinner once it has settled, whether it succeeded
 * or not (the page's config needs `enablePullDownRefresh: true`).
 *
 *   usePullToRefresh(detail.reload)
 *
 * @param reload - what to run; the latest render's is used
 */
export function usePullToRefresh(reload: () => unknown): void {
  const latest = useLatest(reload)
  usePullDownRefresh(() => {
    void Promise.resolve()
      .then(() => latest.current())
      .finally(() => Taro.stopPullDownRefresh())
  })
}
