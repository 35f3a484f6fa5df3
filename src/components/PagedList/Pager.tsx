import { Text, View } from '@tarojs/components'
import { AtActivityIndicator } from 'taro-ui'

export interface PagerProps {
  /** The table's testId: the parts are `<testId>-prev`, `-page` and `-next`. */
  testId: string
  /** The page shown, 0-based. */
  page: number
  /** Another page follows. */
  more: boolean
  loading: boolean
  onPage: (page: number) => void
}

/**
 * The table's 上一页 / 第 N 页 / 下一页. The lists answer whether another page follows, not how
 * many there are, so it names no total.
 */
export default function Pager(props: PagerProps) {
  const { testId, page, more, loading, onPage } = props
  // One page and nothing loading: nothing to turn.
  if (page === 0 && !more && !loading) return null
  const button = (key: 'prev' | 'next', label: string, enabled: boolean, to: number) => (
    <View
      className={`paged-table__turn${enabled ? '' : ' paged-table__turn--off'}`}
      data-testid={`${testId}-${key}`}
      aria-disabled={!enabled}
      onClick={enabled && !loading ? () => onPage(to) : undefined}
    >
      {label}
    </View>
  )
  return (
    <View className="paged-table__pager">
      {loading ? <AtActivityIndicator size={24} /> : null}
      {button('prev', '上一页', page > 0, page - 1)}
      <Text className="paged-table__page" data-testid={`${testId}-page`}>
        第 {page + 1} 页
      </Text>
      {button('next', '下一页', more, page + 1)}
    </View>
  )
}
