import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { AtButton, AtGrid } from 'taro-ui'
import type { Session } from '../../../types/account'
import { MODULES, modulePath, type ModuleCode } from '../../../types/modules'
import CloudView from '../../components/CloudView'
import DevLink from '../../components/DevLink'
import { useCloud } from '../../hooks/useCloud'
import { callFunction } from '../../services/cloud'
import './index.scss'

const BINDING_PAGE = '/pages/binding/index'

/** Statuses with no usable account: the user has to (re)do 身份认证. */
const NEEDS_BINDING: readonly Session['status'][] = ['none', 'unbound', 'deregistered']

interface GridItem {
  code: ModuleCode
  value: string
  iconInfo: { value: string; size: number; color: string }
}

function gridItems(modules: readonly ModuleCode[]): GridItem[] {
  return modules.flatMap((code) => {
    const m = MODULES.find((x) => x.code === code)
    return m
      ? [{ code, value: m.title, iconInfo: { value: m.icon, size: 30, color: '#1f6feb' } }]
      : []
  })
}

function projectNames(session: Session): string {
  return session.projects.map((p) => p.name).join('、')
}

function ActiveHome({ session }: { session: Session }) {
  const account = session.account
  const role = account?.role === 'manager' ? '项目负责人' : '项目经办人'
  const items = gridItems(session.modules)
  return (
    <View>
      <View className="card home__greeting">
        <Text className="card__title">您好，{account?.name}</Text>
        <Text className="card__text">
          {role} · {projectNames(session) || '未关联项目'}
        </Text>
      </View>
      <Text className="section-title">我的业务</Text>
      {items.length > 0 ? (
        <View className="home__grid">
          <AtGrid
            columnNum={3}
            hasBorder={false}
            data={items}
            onClick={(item: GridItem) => void Taro.navigateTo({ url: modulePath(item.code) })}
          />
        </View>
      ) : (
        <View className="card">
          <Text className="card__text">暂无可用模块，请联系项目负责人授权。</Text>
        </View>
      )}
    </View>
  )
}

function StatusHome({ session }: { session: Session }) {
  const account = session.account as (Session['account'] & { rejectReason?: string }) | null
  if (session.status === 'pending') {
    return (
      <View className="card home__status home__status--pending">
        <Text className="card__title">等待项目负责人授权</Text>
        <Text className="card__text">
          {account?.name ? `${account.name}，` : ''}您的身份认证已提交
          {projectNames(session) ? `（${projectNames(session)}）` : ''}
          ，项目负责人授权后即可使用各项业务。
        </Text>
        <View className="card__actions">
          <AtButton onClick={() => void Taro.navigateTo({ url: BINDING_PAGE })}>
            查看认证进度
          </AtButton>
        </View>
      </View>
    )
  }
  if (session.status === 'rejected') {
    return (
      <View className="card home__status home__status--rejected">
        <Text className="card__title">身份认证未通过</Text>
        <Text className="card__text">原因：{account?.rejectReason || '项目负责人未说明原因'}</Text>
        <View className="card__actions">
          <AtButton
            type="primary"
            onClick={() => void Taro.navigateTo({ url: `${BINDING_PAGE}?retry=1` })}
          >
            重新认证
          </AtButton>
        </View>
      </View>
    )
  }
  if (NEEDS_BINDING.includes(session.status)) {
    return (
      <View className="card">
        <Text className="card__text">正在前往身份认证…</Text>
      </View>
    )
  }
  return <ActiveHome session={session} />
}

export default function Home() {
  const me = useCloud(() => callFunction<Session>('binding', { action: 'me' }))
  const { data: session, reload } = me

  useEffect(() => {
    if (session && NEEDS_BINDING.includes(session.status))
      void Taro.redirectTo({ url: BINDING_PAGE })
  }, [session])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="page home">
      <CloudView state={me}>{(s) => <StatusHome session={s} />}</CloudView>
      <DevLink />
    </View>
  )
}
