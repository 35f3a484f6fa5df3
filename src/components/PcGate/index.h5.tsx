import { Text, View } from '@tarojs/components'
import { useCallback, type ReactNode } from 'react'
import { setDevDoor } from '../../services/devIdentity'
import { isPcDoor } from '../../services/door'
import { useSession } from '../../session'
import ScanLogin from '../ScanLogin'
import { withClassName } from '../className'
import './index.scss'

export interface PcGateProps {
  /** The app's pages: kept mounted under the layer, so a form being filled keeps what it holds. */
  children: ReactNode
  /** Classes added to the sign-in layer's root, after its own. */
  className?: string
}

/** The local build: leave the computer's door for the dev switcher's demo users. */
function BackToPhone() {
  const back = () => {
    setDevDoor('phone')
    window.location.reload()
  }
  return (
    <Text className="kit-pc-gate__dev" data-testid="pc-gate-phone" onClick={back}>
      改用演示用户（开发）
    </Text>
  )
}

/**
 * On a computer: while it is not signed in (or its session ended), 扫码登录 covers the page.
 * The page stays mounted beneath it, so nothing typed is lost; once the phone confirms, the
 * computer signs in and the session is asked again, and the layer goes.
 */
export default function PcGate({ children, className }: PcGateProps) {
  const { state, refresh } = useSession()
  const code = state.error?.code
  const out = isPcDoor() && (code === 'NOT_SIGNED_IN' || code === 'SESSION_ENDED')

  const onApproved = useCallback(
    async (ticket: string) => {
      const { signInWithTicket } = await import('../../services/webCloud')
      await signInWithTicket(ticket)
      await refresh()
    },
    [refresh],
  )

  return (
    <>
      {children}
      {out ? (
        <View className={withClassName('kit-pc-gate', className)}>
          <ScanLogin
            onApproved={onApproved}
            notice={code === 'SESSION_ENDED' ? '登录已失效，请重新扫码登录' : undefined}
          />
          {process.env.TARO_APP_PC === '1' ? null : <BackToPhone />}
        </View>
      ) : null}
    </>
  )
}
