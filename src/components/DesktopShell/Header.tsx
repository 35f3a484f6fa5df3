import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PcLoginContract } from '../../../types/pclogin'
import { roleLabel } from '../../../types/display'
import { AppError } from '../../../types/errors'
import type { ModuleCode } from '../../../types/modules'
import { call, contractRef } from '../../services/api'
import { isPcDoor } from '../../services/door'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import { withClassName } from '../className'
import { heldEntries, type QuickEntry } from './links'
import { openPage } from './navigation'

// By name: the app shell stays free of the contracts' schemas (zod).
const PcLogin = contractRef<typeof PcLoginContract>('pclogin')

/** The session is gone already: the computer is signed out whatever logout answered. */
const ENDED = new Set(['SESSION_ENDED', 'NOT_SIGNED_IN'])

/**
 * A quick entry: opens its first link; with several, they drop down under it on hover. Marked
 * while one of its pages is the page shown.
 */
function Entry({ entry, path }: { entry: QuickEntry; path: string }) {
  const current = entry.links.some((l) => l.url === path)
  return (
    <View className="kit-desktop-header__group">
      <View
        className={`kit-desktop-header__entry${current ? ' kit-desktop-header__entry--current' : ''}`}
        data-testid={`desktop-entry-${entry.key}`}
        aria-current={current ? 'page' : undefined}
        onClick={() => openPage(entry.links[0].url)}
      >
        {entry.title}
      </View>
      {entry.links.length > 1 ? (
        <View className="kit-desktop-header__drop">
          {entry.links.map((l) => (
            <View
              key={l.key}
              className={`kit-desktop-header__link${l.url === path ? ' kit-desktop-header__link--current' : ''}`}
              data-testid={`desktop-link-${l.key}`}
              onClick={() => openPage(l.url)}
            >
              {l.title}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** The computer's own 退出登录 (as 我的账号's row for this computer): back to 扫码登录. */
function Logout() {
  const { refresh } = useSession()
  const [busy, setBusy] = useState(false)
  const logout = async () => {
    if (busy) return
    setBusy(true)
    try {
      await call(PcLogin, 'logout', {})
      toast.success('已退出登录')
    } catch (err) {
      if (!(err instanceof AppError && ENDED.has(err.code))) {
        toast.error(err)
        setBusy(false)
        return
      }
    }
    const { signOutWeb } = await import('../../services/webCloud')
    await signOutWeb().catch(() => undefined)
    await refresh()
    setBusy(false)
  }
  return (
    <Text className="kit-desktop-header__logout" data-testid="desktop-logout" onClick={logout}>
      {busy ? '正在退出…' : '退出登录'}
    </Text>
  )
}

/** Across the top: the platform, the quick entries the account holds, and the account. */
export default function Header({
  modules,
  path,
  className,
}: {
  modules: readonly ModuleCode[]
  /** The page shown (navigation.ts), to mark its quick entry. */
  path: string
  className?: string
}) {
  const { session, project } = useSession()
  const account = session?.account
  return (
    <View className={withClassName('kit-desktop-header', className)} data-testid="desktop-header">
      <Text className="kit-desktop-header__brand">深圳市物业管理信息平台</Text>
      <View className="kit-desktop-header__entries">
        {heldEntries(modules).map((e) => (
          <Entry key={e.key} entry={e} path={path} />
        ))}
      </View>
      {account ? (
        <View className="kit-desktop-header__account" data-testid="desktop-account">
          <Text className="kit-desktop-header__name">{account.name}</Text>
          <Text className="kit-desktop-header__meta">
            {roleLabel(account.role)} · {project?.name ?? '未关联项目'}
          </Text>
        </View>
      ) : null}
      {account && isPcDoor() ? <Logout /> : null}
    </View>
  )
}
