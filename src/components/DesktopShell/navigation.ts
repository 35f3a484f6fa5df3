/**
 * H5 ONLY: where the app is (the page on top, from the hash route) and how the header and menu
 * move: like the phone's home grid, a module opens over home; from one module to another the page
 * on top is replaced, so the stack stays home › the module and 返回 still leads home.
 */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { HOME_PATH } from './links'

/** The page on top, as a path without its query (/pages/disclosure/index). */
export function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0]
  return path || HOME_PATH
}

/** The page on top, following every navigation (Taro's router tells once a page is shown). */
export function useCurrentPath(): string {
  const [path, setPath] = useState(currentPath)
  useEffect(() => {
    const update = () => setPath(currentPath())
    // Taro's router event after a page was opened or shown again (navigateTo, back, reLaunch).
    Taro.eventCenter.on('__afterTaroRouterChange', update)
    window.addEventListener('popstate', update)
    return () => {
      Taro.eventCenter.off('__afterTaroRouterChange', update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return path
}

export function openPage(url: string): void {
  const here = currentPath()
  if (url === here) return
  if (url === HOME_PATH) void Taro.reLaunch({ url })
  else if (here === HOME_PATH) void Taro.navigateTo({ url })
  else void Taro.redirectTo({ url })
}
