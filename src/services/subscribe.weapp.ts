import Taro from '@tarojs/taro'

/** weapp: one question for the configured templates; a refusal or failure changes nothing. */
export function askForNotices(templateIds: (string | undefined)[]): void {
  const tmplIds = templateIds.filter((id): id is string => !!id)
  if (tmplIds.length === 0) return
  // Taro's typing wants alipay's entityIds too; WeChat takes tmplIds alone.
  const option = { tmplIds } as unknown as Taro.requestSubscribeMessage.Option
  Taro.requestSubscribeMessage(option).catch(() => undefined)
}
