import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initCloud } from './services/cloud'
import { enableTapToFocus } from './services/tapToFocus'
import { SessionProvider } from './session'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    enableTapToFocus()
  })
  // Every page is a child of App: the session is fetched here once and shared.
  return <SessionProvider>{children}</SessionProvider>
}

export default App
