import { Text, View } from '@tarojs/components'
import { ANSWER_RESULTS, type Answer, type SafetyCheck } from '../../../types/safety'
import { Category, ItemCard } from './ItemCard'
import Photos from './Photos'

interface Props {
  check: SafetyCheck
  answers: Record<string, Answer>
  urls: Record<string, string>
  /** Large photos (the manager's review). */
  large?: boolean
}

/** Every item with its answer, note and photos, read-only, by category. */
export default function AnswerList({ check, answers, urls, large }: Props) {
  return (
    <View className="answer-list" data-testid="answer-list">
      {check.categories.map((cat) => {
        const points = cat.items.reduce((s, i) => s + i.points, 0)
        const problems = cat.items.filter((i) => answers[i._id]?.result === 'problem').length
        return (
          <Category
            key={cat.name}
            name={cat.name}
            meta={`${cat.items.length} 项 · ${points} 分${problems ? ` · ${problems} 项有问题` : ''}`}
          >
            {cat.items.map((item) => {
              const a = answers[item._id]
              return (
                <ItemCard
                  key={item._id}
                  item={item}
                  result={a?.result ?? ''}
                  aside={
                    <Text
                      className={`answer-tag answer-tag--${a?.result ?? 'none'}`}
                      data-testid="answer-result"
                    >
                      {a ? ANSWER_RESULTS[a.result] : '未填写'}
                    </Text>
                  }
                >
                  {a?.note ? (
                    <Text className="check-item__note-text" data-testid="answer-note">
                      说明：{a.note}
                    </Text>
                  ) : null}
                  {a ? <Photos photos={a.photos} urls={urls} large={large} /> : null}
                </ItemCard>
              )
            })}
          </Category>
        )
      })}
    </View>
  )
}
