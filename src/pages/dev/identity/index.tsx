/**
 * H5 ONLY (listed in app.config for h5 builds): the dev identity switcher. Lists the local cloud's
 * demo users (GET /__dev/users) and makes the chosen one the caller of every function call.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import type { DemoUser } from '../../../../server/seed/demo-users'
import { AppError } from '../../../../types/errors'
import CloudView from '../../../components/CloudView'
import { useCloud } from '../../../hooks/useCloud'
import { getDevDoor, getDevOpenid, setDevDoor, setDevOpenid } from '../../../services/devIdentity'
import { useSession } from '../../../session'
import { COLORS } from '../../../styles/colors'
import './index.scss'

/** Accepts a bare list, `{ users }` or a `{ ok, data }` reply. */
function usersOf(body: unknown): DemoUser[] {
  const b = body as { ok?: boolean; data?: unknown; users?: unknown } | null
  const list = Array.isArray(body) ? body : b?.ok ? b.data : b?.users
  if (!Array.isArray(list)) throw new AppError('INTERNAL')
  return list.filter((u): u is DemoUser => typeof (u as DemoUser)?.openid === 'string')
}

async function fetchUsers(): Promise<DemoUser[]> {
  let body: unknown
  try {
    const res = await fetch('/__dev/users')
    body = await res.json()
  } catch {
    throw new AppError('NETWORK', '无法连接本地云（请先运行 npm start）')
  }
  return usersOf(body)
}

export default function DevIdentity() {
  const users = useCloud(fetchUsers)
  const { refresh } = useSession()

  /** Another caller: the app's session is asked again (and forgotten meanwhile), as on a new open. */
  const choose = (openid: string) => {
    setDevDoor('phone')
    setDevOpenid(openid)
    void refresh({ clear: true })
    void Taro.reLaunch({ url: '/pages/home/index' })
  }

  /** The computer's door, as in production: the web SDK, 扫码登录 and a session. */
  const asComputer = () => {
    setDevDoor('pc')
    window.location.replace(window.location.pathname)
  }

  const current = getDevDoor() === 'pc' ? '' : getDevOpenid()
  return (
    <View className="page dev-identity mod-dev">
      <View className="card">
        <Text className="card__title">切换身份（开发）</Text>
        <Text className="card__text">
          仅用于本地开发与测试：选择一个演示用户，之后的所有云函数调用都以该用户的身份进行。
        </Text>
      </View>
      <CloudView state={users}>
        {(list) => (
          <View className="dev-identity__list">
            <View
              className={`dev-identity__item${current === '' ? ' dev-identity__item--current' : ''}`}
              data-testid="dev-door-pc"
              onClick={asComputer}
            >
              <View className="dev-identity__main">
                <Text className="dev-identity__label">电脑端（扫码登录）</Text>
                <Text className="dev-identity__desc">
                  如生产环境的电脑端：扫码登录，在另一个浏览器窗口中以演示用户打开二维码链接并确认
                </Text>
              </View>
            </View>
            {list.map((u) => (
              <View
                key={u.openid}
                className={`dev-identity__item${u.openid === current ? ' dev-identity__item--current' : ''}`}
                data-openid={u.openid}
                data-testid={`dev-user-${u.openid}`}
                onClick={() => choose(u.openid)}
              >
                <View className="dev-identity__main">
                  <Text className="dev-identity__label">{u.label}</Text>
                  <Text className="dev-identity__desc">{u.description}</Text>
                  <Text className="dev-identity__openid">{u.openid}</Text>
                </View>
                {u.openid === current ? (
                  <View className="dev-identity__mark">
                    <AtIcon value="check" size="18" color={COLORS.primary} />
                    <Text>当前</Text>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </CloudView>
    </View>
  )
}
