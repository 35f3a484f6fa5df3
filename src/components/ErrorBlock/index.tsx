import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtButton, AtIcon } from 'taro-ui'
import { DEAD_END_HINTS, type AppError } from '../../../types/errors'
import { COLORS } from '../../styles/colors'
import { withClassName } from '../className'
import './index.scss'

export interface ErrorBlockProps {
  /** The failure: its message is shown, its code chooses between 重试 and the way back. */
  error: AppError
  /** Runs the failed call again (offered only when another try can help). */
  onRetry: () => void
  /** `data-testid` of the block. */
  testId: string
  /** Classes added to the block's root, after its own. */
  className?: string
}

/** Back to the page this one was opened from, or home when it was opened directly (a link). */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: '/pages/home/index' })
}

/**
 * What a page shows when its first load failed: the server's message and either 重试 or, when
 * another try cannot help (a record that is gone or another project's, a wrong link), what that
 * means and the way back.
 */
export default function ErrorBlock({ error, onRetry, testId, className }: ErrorBlockProps) {
  const hint = DEAD_END_HINTS[error.code]
  const hasPageBehind = Taro.getCurrentPages().length > 1
  return (
    <View
      className={withClassName('error-block', className)}
      data-testid={testId}
      data-code={error.code}
    >
      <AtIcon
        value={hint ? 'help' : 'alert-circle'}
        size="48"
        color={hint ? COLORS.muted : COLORS.danger}
      />
      <Text className="error-block__text">{error.message}</Text>
      {hint ? (
        <Text className="error-block__hint" data-testid="error-hint">
          {hint}
        </Text>
      ) : null}
      <View className="error-block__action">
        {hint ? (
          <View data-testid="error-back">
            <AtButton type="secondary" size="small" onClick={goBack}>
              {hasPageBehind ? '返回' : '返回首页'}
            </AtButton>
          </View>
        ) : (
          <View className="error-block__retry" data-testid="retry">
            <AtButton type="primary" size="small" onClick={onRetry}>
              重试
            </AtButton>
          </View>
        )}
      </View>
    </View>
  )
}
