import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { cstDateTime } from '../../../types/display'
import { PcLoginContract, type PcSessionView } from '../../../types/pclogin'
import CloudView from '../../components/CloudView'
import { useModuleAction } from '../../hooks/useModuleAction'
import { useModuleCall } from '../../hooks/useModuleCall'
import { isPcDoor } from '../../services/door'
import { useSession } from '../../session'

function SessionRow({
  row,
  onEnd,
  busy,
}: {
  row: PcSessionView
  onEnd: () => void
  busy: boolean
}) {
  return (
    // A row laid out as the contacts' rows are.
    <View className="contact-row pc-sessions__row" data-testid="pc-session">
      <View className="pc-sessions__main">
        <Text className="pc-sessions__title">
          电脑端浏览器{row.current ? <Text className="pc-sessions__here">（本机）</Text> : null}
        </Text>
        <Text className="pc-sessions__meta">
          登录于 {cstDateTime(row.createdAt)} · IP {row.ip || '未知'}
        </Text>
        <Text className="pc-sessions__meta">最近使用 {cstDateTime(row.lastSeenAt)}</Text>
      </View>
      <AtButton size="small" disabled={busy} onClick={onEnd}>
        退出登录
      </AtButton>
    </View>
  )
}

/**
 * 我的账号 › 电脑端登录: the computers signed in to this account (when, from which IP, last seen),
 * each with 退出登录. On the computer itself, its own row signs it out (back to 扫码登录).
 */
export default function PcSessions() {
  const list = useModuleCall(PcLoginContract, 'sessions', {})
  const { busy, run } = useModuleAction()
  const { refresh } = useSession()

  const end = async (row: PcSessionView) => {
    if (row.current) {
      const r = await run(PcLoginContract, 'logout', {}, { done: '已退出登录' })
      if (!r.ok) return
      const { signOutWeb } = await import('../../services/webCloud')
      await signOutWeb().catch(() => undefined)
      await refresh()
      return
    }
    const r = await run(
      PcLoginContract,
      'endSession',
      { sessionId: row._id },
      { done: '已退出该电脑的登录', onStale: list.reload },
    )
    if (r.ok) await list.reload()
  }

  return (
    <View className="pc-sessions" data-testid="pc-sessions">
      <Text className="section-title">电脑端登录</Text>
      <CloudView state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <View className="list-card pc-sessions__empty">
              <Text>
                暂无电脑登录。{isPcDoor() ? '' : '在电脑浏览器打开平台后，用微信扫码即可登录。'}
              </Text>
            </View>
          ) : (
            <View className="list-card">
              {rows.map((row) => (
                <SessionRow key={row._id} row={row} busy={busy} onEnd={() => void end(row)} />
              ))}
            </View>
          )
        }
      </CloudView>
    </View>
  )
}
