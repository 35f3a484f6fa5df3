import type { ReactNode } from 'react'

export interface DesktopShellProps {
  /** The app's pages. */
  children: ReactNode
  /** Classes added to the desktop header's root (H5, from 1024 px), after its own. */
  className?: string
}

/**
 * The computer's header and module menu (index.h5.tsx, shown from 1024 px wide). In WeChat the
 * mini program's own layout holds, so the pages are shown as they are.
 */
export default function DesktopShell({ children }: DesktopShellProps) {
  return <>{children}</>
}
