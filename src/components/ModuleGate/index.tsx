import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import type { ModuleCode } from '../../../types/modules'
import { useCloud } from '../../hooks/useCloud'
import { callFunction } from '../../services/cloud'
import CloudView from '../CloudView'
import EmptyState from '../EmptyState'
import './index.scss'

/**
 * Wraps a module's page: opens it only for an active account that holds the module, as the
 * server says now (a link kept from before a manager withdrew the module must not open it).
 * The module's function refuses such a caller anyway; this spares the user a page of errors.
 */
export default function ModuleGate({ code, children }: { code: ModuleCode; children: ReactNode }) {
  const session = useCloud(() => callFunction<Session>('binding', { action: 'me' }))
  const status = session.data?.status
  const unbound = status === 'none' || status === 'unbound' || status === 'deregistered'

  useEffect(() => {
    if (unbound) void Taro.reLaunch({ url: '/pages/binding/index' })
  }, [unbound])

  return (
    <CloudView state={session}>
      {(s) =>
        s.status === 'active' && s.modules.includes(code) ? (
          children
        ) : (
          <View className="module-gate">
            <EmptyState
              icon="lock"
              title={s.status === 'active' ? '未获得该模块的权限' : '账号尚未通过授权'}
              description="请联系项目负责人授权后再使用"
            />
            <AtButton
              type="secondary"
              onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}
            >
              返回首页
            </AtButton>
          </View>
        )
      }
    </CloudView>
  )
}
