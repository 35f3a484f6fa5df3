import { useEffect, type ReactNode } from 'react'
import type { ModuleCode } from '../../../types/modules'
import { useSession } from '../../session'
import Header from './Header'
import Menu from './Menu'
import { useCurrentPath } from './navigation'
import './index.scss'

export interface DesktopShellProps {
  /** The app's pages (Taro's `.taro_page` elements). */
  children: ReactNode
  /** Classes added to the desktop header's root (H5, from 1024 px), after its own. */
  className?: string
}

/** Marks the document, so the desktop rules (index.scss, from 1024 px) apply to Taro's parts. */
const DOC_CLASS = 'kit-desktop'

/**
 * The PC site's frame around every page: a header and a menu of modules, shown from 1024 px wide
 * only (index.scss's media query); below that, the phone's layout is untouched. The header and
 * menu come before the pages, not around them: Taro's router expects the pages as its own
 * children (it hides all but the last shown), so they must not be wrapped.
 */
export default function DesktopShell({ children, className }: DesktopShellProps) {
  const { session } = useSession()
  const path = useCurrentPath()
  // What the home grid shows: an active account's modules only.
  const modules: readonly ModuleCode[] = session?.status === 'active' ? session.modules : []

  useEffect(() => {
    document.documentElement.classList.add(DOC_CLASS)
    return () => document.documentElement.classList.remove(DOC_CLASS)
  }, [])

  return (
    <>
      <Header modules={modules} path={path} className={className} />
      <Menu modules={modules} path={path} />
      {children}
    </>
  )
}
