import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtAvatar, AtIcon } from 'taro-ui'
import type { Session } from '../../../types/account'
import { maskPhone, roleLabel } from '../../../types/display'
import { PermissionsContract } from '../../../types/permissions'
import type { Ask } from '../../components/ConfirmDialog'
import { useModuleAction } from '../../hooks/useModuleAction'
import { isPcDoor } from '../../services/door'
import { useSession } from '../../session'
import { COLORS } from '../../styles/colors'
import PcSessions from './PcSessions'
import { moduleTitles } from './util'

interface Props {
  session: Session
  ask: Ask
}

function ActionRow(props: {
  icon: string
  label: string
  testId: string
  danger?: boolean
  onClick: () => void
}) {
  return (
    <View
      className={`account__action${props.danger ? ' account__action--danger' : ''}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      <AtIcon
        value={props.icon}
        size="18"
        color={props.danger ? COLORS.danger : COLORS.textSecondary}
      />
      <Text className="account__action-label">{props.label}</Text>
      <AtIcon value="chevron-right" size="16" color={COLORS.disabled} />
    </View>
  )
}

/**
 * 我的账号: who is bound here. A handler edits the bound phone, 注销 the account or 解除绑定;
 * a manager (whose account mirrors the platform's registry) may only 解除绑定.
 */
export default function MyAccount({ session, ask }: Props) {
  const account = session.account
  const { setSession } = useSession()
  const { busy, run } = useModuleAction()
  if (!account) return null
  const isHandler = account.role === 'handler'
  // What is tied to the WeChat itself stays on the phone (the functions refuse it from a computer).
  const onPhone = !isPcDoor()
  const granted = session.modules.filter((m) => m !== 'permissions')

  const leave = async (action: 'unbind' | 'deregister', done: string) => {
    if (busy) return
    const r =
      action === 'deregister'
        ? await run(PermissionsContract, 'deregister', { confirm: true }, { done })
        : await run(PermissionsContract, 'unbind', {}, { done })
    if (!r.ok) return
    // No account any more (binding.me would say the same): the page's ModuleGate sends the
    // user on to 身份认证, which shows the form.
    setSession({
      status: 'none',
      account: null,
      projects: [],
      modules: [],
      subscribe: session.subscribe,
    })
  }

  const unbind = async () => {
    const ok = await ask({
      title: '解除绑定',
      content: '解除绑定后，本微信将不能再使用该账号，需要重新进行身份认证。确定解除绑定？',
      confirmText: '确定解除',
      danger: true,
    })
    if (ok) await leave('unbind', '已解除绑定')
  }

  const deregister = async () => {
    const ok = await ask({
      title: '注销账号',
      content: '注销后账号不可恢复，确定注销？',
      confirmText: '确定注销',
      danger: true,
    })
    if (ok) await leave('deregister', '账号已注销')
  }

  return (
    <View className="account" data-testid="my-account">
      <Text className="section-title">我的账号</Text>
      <View className="list-card">
        <View className="account__head">
          <AtAvatar circle text={account.name} size="large" />
          <View className="account__main">
            <Text className="account__name">{account.name}</Text>
            <Text className="account__meta">
              {roleLabel(account.role)} · {session.projects.map((p) => p.name).join('、')}
            </Text>
            <Text className="account__phone">绑定手机 {maskPhone(account.phone)}</Text>
          </View>
        </View>
        {isHandler ? (
          <View className="account__modules">
            <Text className="account__modules-label">已授权模块</Text>
            <Text className="account__modules-value">{moduleTitles(granted) || '暂无'}</Text>
          </View>
        ) : null}
        {isHandler && onPhone ? (
          <ActionRow
            icon="iphone"
            label="更换手机号"
            testId="change-phone"
            onClick={() => void Taro.navigateTo({ url: '/pages/permissions/phone/index' })}
          />
        ) : null}
        {isHandler && onPhone ? (
          <ActionRow
            icon="close-circle"
            label="注销账号"
            testId="deregister"
            danger
            onClick={() => void deregister()}
          />
        ) : null}
        {onPhone ? (
          <ActionRow
            icon="link"
            label="解除绑定"
            testId="unbind"
            danger
            onClick={() => void unbind()}
          />
        ) : (
          <Text className="account__phone-only" data-testid="phone-only-note">
            更换手机号、注销账号、解除绑定请在微信小程序中操作
          </Text>
        )}
      </View>
      <PcSessions />
    </View>
  )
}
