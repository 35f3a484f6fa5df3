import type { ReactNode } from 'react'

export interface PcGateProps {
  /** The app's pages. */
  children: ReactNode
  /** Classes added to the sign-in layer's root (H5), after its own. */
  className?: string
}

/**
 * A computer's sign-in layer (index.h5.tsx). In WeChat the mini program's own identity holds,
 * so the pages are shown as they are.
 */
export default function PcGate({ children }: PcGateProps) {
  return <>{children}</>
}
