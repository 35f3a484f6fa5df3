import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import { AtActivityIndicator, AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import type { ModuleCode } from '../../../types/modules'
import { NEEDS_BINDING, useSession, type ProjectRef } from '../../session'
import CloudView from '../CloudView'
import EmptyState from '../EmptyState'
import ProjectSwitcher from '../ProjectSwitcher'
import { withClassName } from '../className'
import './index.scss'

/** What a module page gets from its gate: an active account holding the module. */
export interface ModuleSession {
  session: Session
  account: NonNullable<Session['account']>
  /** The project to pass as `projectId` to the module's calls. */
  projectId: string | undefined
  project: ProjectRef | undefined
}

export interface ModuleGateProps {
  /** The module the page belongs to: the account must hold it; its styles are scoped by it. */
  code: ModuleCode
  /** The page: nodes, or a function of the caller's session and project. */
  children: ReactNode | ((s: ModuleSession) => ReactNode)
  /** Shows 当前项目 / 切换项目 above the page for people of several projects (default true). */
  switcher?: boolean
  /** Classes added to the gate's root (the module's scope, `mod-<code>`), after its own. */
  className?: string
}

/**
 * Wraps a module's page: opens it only for an active account that holds the module, as the
 * server said in the app's session (useSession: fetched once per app open, not per page). When
 * the session says no, it is asked again once, since a manager may have granted the module
 * since the app opened; a link kept from before a module was withdrawn does not open. The
 * module's function refuses such a caller anyway; this spares the user a page of errors.
 */
export default function ModuleGate({
  code,
  children,
  switcher = true,
  className,
}: ModuleGateProps) {
  const { session, state, fetchedAt, refresh, project, projectId, setProjectId } = useSession()
  // A link into one project's item (a to-do, a subscribe message) names its project: a person of
  // several projects lands in that one, whichever was chosen last.
  const [linked] = useState(() => Taro.getCurrentInstance().router?.params?.projectId)
  const followedLink = useRef(false)
  useEffect(() => {
    if (followedLink.current || !linked || !session?.account) return
    // Once, on opening: switching project afterwards is the person's choice.
    followedLink.current = true
    if (linked !== projectId && session.account.projectIds.includes(linked)) setProjectId(linked)
  }, [linked, projectId, session, setProjectId])
  const status = session?.status
  const unbound = !!status && NEEDS_BINDING.includes(status)
  const allowed = status === 'active' && !!session?.modules.includes(code)
  // A "no" older than this page is confirmed with the server once (a failed check shows the no).
  const [openedAt] = useState(() => Date.now())
  const confirming = !!session && !allowed && !unbound && fetchedAt < openedAt && !state.error

  useEffect(() => {
    if (unbound) void Taro.reLaunch({ url: '/pages/binding/index' })
  }, [unbound])

  useEffect(() => {
    if (confirming) void refresh()
  }, [confirming, refresh])

  return (
    // The module's scope: its styles are built as `.mod-<code> …` (config/scope-styles.js).
    <View className={withClassName(`mod-${code}`, className)}>
      <CloudView state={state}>
        {(s) => {
          if (allowed && s.account) {
            const ctx: ModuleSession = { session: s, account: s.account, projectId, project }
            return (
              <>
                {switcher ? <ProjectSwitcher /> : null}
                {typeof children === 'function' ? children(ctx) : children}
              </>
            )
          }
          if (confirming || (state.loading && !allowed)) {
            return (
              <View className="module-gate__checking">
                <AtActivityIndicator mode="center" size={40} content="正在确认权限…" />
              </View>
            )
          }
          const pending = s.status === 'pending' || s.status === 'rejected'
          return (
            <View className="module-gate" data-testid="module-gate-denied">
              <EmptyState
                icon="lock"
                title={s.status === 'active' ? '未获得该模块的权限' : '账号尚未通过授权'}
                description="请联系项目负责人授权后再使用"
              />
              {pending ? (
                <AtButton
                  type="primary"
                  onClick={() => void Taro.reLaunch({ url: '/pages/binding/index' })}
                >
                  查看认证进度
                </AtButton>
              ) : null}
              <View className="module-gate__home">
                <AtButton
                  type="secondary"
                  onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}
                >
                  返回首页
                </AtButton>
              </View>
            </View>
          )
        }}
      </CloudView>
    </View>
  )
}

/** How `modulePage` wraps its body. */
export interface ModulePageOptions {
  /** Classes of the page's root besides `page` (e.g. `funds-page`). */
  className?: string
  /** As ModuleGate's `switcher` (default true; false for a page of one record). */
  switcher?: boolean
}

/**
 * A module's page: its root, its gate, and `Body` given the caller's session and project, made
 * again when the project changes (so its calls start over for the chosen one).
 *
 *   export default modulePage('funds', FundsBody, { className: 'funds-page' })
 */
export function modulePage(
  code: ModuleCode,
  Body: ComponentType<ModuleSession>,
  { className, switcher }: ModulePageOptions = {},
): ComponentType {
  return function Page() {
    return (
      <View className={withClassName('page', className)}>
        <ModuleGate code={code} switcher={switcher}>
          {(s) => <Body key={s.projectId ?? ''} {...s} />}
        </ModuleGate>
      </View>
    )
  }
}
