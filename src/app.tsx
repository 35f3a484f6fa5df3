import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initCloud } from './services/cloud'
import { enableTapToFocus } from './services/tapToFocus'
import DesktopShell from './components/DesktopShell'
import PcGate from './components/PcGate'
import { SessionProvider } from './session'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    enableTapToFocus()
  })
  // Every page is a child of App: the session is fetched here once and shared. On a computer
  // not signed in, 扫码登录 covers the pages (components/PcGate). From 1024 px wide the PC site's
  // header and module menu frame them (components/DesktopShell).
  return (
    <SessionProvider>
      <PcGate>
        <DesktopShell>{children}</DesktopShell>
      </PcGate>
    </SessionProvider>
  )
}

export default App
