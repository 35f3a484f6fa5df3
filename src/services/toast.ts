import Taro from '@tarojs/taro'
import { errorText } from './reply'

/**
 * The app's toasts: short Chinese text, never a stack trace.
 *
 *   toast.success('已授权')
 *   toast.error(err)           // an AppError's message (the server's words), else 服务暂时不可用…
 *   toast.info('请选择所在项目')
 *
 * WeChat shows at most 7 characters beside the success icon; longer success texts go without it.
 */
export const toast = {
  success(title: string): void {
    const icon = title.length <= 7 ? 'success' : 'none'
    void Taro.showToast({ title, icon, duration: 1500 })
  },
  info(title: string): void {
    void Taro.showToast({ title, icon: 'none', duration: 2500 })
  },
  /** Shows what a call threw: an AppError's message, or the generic 服务暂时不可用 text. */
  error(err: unknown): void {
    void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 })
  },
}
