import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Session } from '../../../types/account'
import CloudView from '../../components/CloudView'
import DevLink from '../../components/DevLink'
import { useCloud } from '../../hooks/useCloud'
import { callFunction } from '../../services/cloud'
import { errorText } from '../../services/reply'
import BindingForm from './BindingForm'
import { PendingView, RejectedView } from './StatusView'
import './index.scss'

const HOME = '/pages/home/index'
const NO_SESSION: Session = {
  status: 'none',
  account: null,
  projects: [],
  modules: [],
  subscribe: {},
}

const fetchMe = () => callFunction<Session>('binding', { action: 'me' })

/**
 * 身份认证 (manual §1). What the page shows follows binding.me: the form for someone without an
 * account, the waiting card while a manager has not decided, the reason after a rejection, and
 * straight on to 物业服务 once the account is active.
 */
export default function Binding() {
  const router = useRouter()
  const me = useCloud(fetchMe)
  /** A newer session than the first load: a submit's answer, a refresh, an unbind. */
  const [latest, setLatest] = useState<Session | null>(null)
  /** 重新认证 after a rejection (also `?retry=1` from the home page's 重新认证). */
  const [retry, setRetry] = useState(router.params.retry === '1')
  const session = latest ?? me.data

  useEffect(() => {
    if (session?.status === 'active') void Taro.reLaunch({ url: HOME })
  }, [session?.status])

  const refresh = async () => {
    try {
      const next = await fetchMe()
      setLatest(next)
      if (next.status === 'pending') void Taro.showToast({ title: '仍在等待授权', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 })
    }
  }

  usePullDownRefresh(() => {
    const done = () => Taro.stopPullDownRefresh()
    if (me.data === undefined) void me.reload().finally(done)
    else void refresh().finally(done)
  })

  const body = (s: Session) => {
    switch (s.status) {
      case 'active':
        return (
          <View className="card">
            <Text className="card__text">认证成功，正在进入物业服务…</Text>
          </View>
        )
      case 'pending':
        return (
          <PendingView session={s} onRefresh={refresh} onUnbound={() => setLatest(NO_SESSION)} />
        )
      case 'rejected':
        if (!retry) return <RejectedView session={s} onRetry={() => setRetry(true)} />
        break
      default:
        break
    }
    return (
      <BindingForm
        prefill={s.status === 'rejected' ? s.account : null}
        resultTemplate={s.subscribe.authResult}
        onDone={(next) => {
          setRetry(false)
          setLatest(next)
        }}
      />
    )
  }

  return (
    <View className="page binding">
      <View className="card binding__intro">
        <Text className="card__title">身份认证</Text>
        <Text className="card__text">
          物业服务或业委会人员请填写姓名、手机号码并输入获取的短信验证码，确认无误后点击“提交信息”。项目经办人须经项目负责人授权后方可使用各项业务。
        </Text>
      </View>
      <CloudView state={me}>{(first) => body(latest ?? first)}</CloudView>
      <DevLink />
    </View>
  )
}
