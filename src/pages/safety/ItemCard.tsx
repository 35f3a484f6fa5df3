import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CheckItem } from '../../../types/safety'

interface CategoryProps {
  name: string
  /** The grey line beside the name: items, points, progress. */
  meta: string
  children: ReactNode
}

/** A category of a check: its name and figures over its items. */
export function Category({ name, meta, children }: CategoryProps) {
  return (
    <View className="category">
      <View className="category__head">
        <Text className="category__name">{name}</Text>
        <Text className="category__meta">{meta}</Text>
      </View>
      {children}
    </View>
  )
}

interface ItemCardProps {
  item: CheckItem
  /** The answer's result ('' none): `data-result` for tests. */
  result: string
  /** After the points: the answer's tag, or its save state. */
  aside?: ReactNode
  /** Marks the item as needing attention (a tinted block). */
  error?: boolean
  /** The DOM/WXML id (what 下一未填项 jumps to). */
  id?: string
  children?: ReactNode
}

/** An item of a check: its code, points and text, with what is shown of its answer under them. */
export function ItemCard({ item, result, aside, error, id, children }: ItemCardProps) {
  return (
    <View
      id={id}
      className={`check-item${error ? ' check-item--error' : ''}`}
      data-testid="check-item"
      data-item-id={item._id}
      data-result={result}
    >
      <View className="check-item__head">
        <Text className="check-item__code">{item._id}</Text>
        <Text className="check-item__points">{item.points} 分</Text>
        {aside}
      </View>
      <Text className="check-item__text">{item.text}</Text>
      {children}
    </View>
  )
}
