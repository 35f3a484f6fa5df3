/**
 * 电脑端登录 on the phone: the page a computer's code opens (its `scene` is the login request).
 * It says what is being approved — a computer, when it asked, from which IP — and the bound,
 * active user confirms (确认登录) or refuses (取消). The computer learns the answer by polling.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AtButton } from 'taro-ui'
import { cstDateTime } from '../../../types/display'
import { PcLoginContract, type LoginPeek } from '../../../types/pclogin'
import CloudView from '../../components/CloudView'
import { useModuleAction } from '../../hooks/useModuleAction'
import { useModuleCall } from '../../hooks/useModuleCall'
import { useSession } from '../../session'
import './index.scss'

/** The request's id: WeChat hands the code's scene URL-encoded (`options.scene`). */
function sceneOf(): string {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const raw = String(params.scene ?? '')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

const CLOSED: Record<Exclude<LoginPeek['status'], 'pending'>, string> = {
  expired: '二维码已过期，请在电脑上刷新二维码后重新扫码',
  cancelled: '已取消本次登录',
  used: '该二维码已使用，如需登录请在电脑上刷新二维码',
  approved: '已确认登录，请在电脑上继续操作',
}

function Decide({ peek, onDone }: { peek: LoginPeek; onDone: () => unknown }) {
  const { busy, run } = useModuleAction()
  const [done, setDone] = useState<'approved' | 'cancelled' | null>(null)
  const status = done ?? peek.status
  if (status !== 'pending') {
    return (
      <View className="pclogin-closed" data-testid="pclogin-closed">
        <Text>{CLOSED[status]}</Text>
        <AtButton onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>返回首页</AtButton>
      </View>
    )
  }
  const decide = async (action: 'approve' | 'cancel') => {
    const r = await run(PcLoginContract, action, { loginId: peek.loginId }, { onStale: onDone })
    if (r.ok) setDone(action === 'approve' ? 'approved' : 'cancelled')
  }
  return (
    <View className="pclogin-ask">
      <View className="pclogin-rows">
        <View className="pclogin-row">
          <Text className="pclogin-label">登录设备</Text>
          <Text>电脑端浏览器</Text>
        </View>
        <View className="pclogin-row">
          <Text className="pclogin-label">请求时间</Text>
          <Text>{cstDateTime(peek.createdAt)}</Text>
        </View>
        <View className="pclogin-row">
          <Text className="pclogin-label">电脑IP</Text>
          <Text data-testid="pclogin-ip">{peek.ip || '未知'}</Text>
        </View>
      </View>
      <Text className="pclogin-hint">
        确认后，该电脑将以您的身份登录物业管理信息平台。如非本人操作，请点击取消。
      </Text>
      <AtButton
        type="primary"
        loading={busy}
        disabled={busy}
        onClick={() => void decide('approve')}
      >
        确认登录
      </AtButton>
      <AtButton disabled={busy} onClick={() => void decide('cancel')}>
        取消
      </AtButton>
    </View>
  )
}

function Ask({ loginId }: { loginId: string }) {
  const peek = useModuleCall(PcLoginContract, 'peek', { loginId })
  return <CloudView state={peek}>{(p) => <Decide peek={p} onDone={peek.reload} />}</CloudView>
}

export default function PcLoginPage() {
  const { session } = useSession()
  const loginId = sceneOf()
  return (
    <View className="pclogin mod-pclogin">
      <Text className="pclogin-title">电脑端登录确认</Text>
      {!/^[A-Za-z0-9]{20,32}$/.test(loginId) ? (
        <View className="pclogin-closed">
          <Text>二维码无效，请在电脑上刷新二维码后重新扫码</Text>
        </View>
      ) : session && session.status !== 'active' ? (
        <View className="pclogin-closed" data-testid="pclogin-unbound">
          <Text>仅已完成身份认证并获授权的账号可确认电脑端登录</Text>
          <AtButton onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>返回首页</AtButton>
        </View>
      ) : (
        <Ask loginId={loginId} />
      )}
    </View>
  )
}
