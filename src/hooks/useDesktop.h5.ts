/**
 * H5 ONLY: whether the window is a computer's (at least DESKTOP_MIN_WIDTH wide), following it as
 * the window is resized. The same width as the stylesheets' `@include desktop` (styles/desktop.scss).
 */
import { useEffect, useState } from 'react'

export const DESKTOP_MIN_WIDTH = 1024
const QUERY = `(min-width: ${DESKTOP_MIN_WIDTH}px)`

export function useDesktop(): boolean {
  const [desktop, setDesktop] = useState(() => window.matchMedia(QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(QUERY)
    const update = () => setDesktop(media.matches)
    update()
    media.addEventListener('change', update)
    return () => media.removeEventListener('change', update)
  }, [])
  return desktop
}
