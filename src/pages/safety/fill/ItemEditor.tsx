import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  NOTE_MAX,
  PHOTOS_MAX,
  type Answer,
  type AnswerResult,
  type CheckItem,
} from '../../../../types/safety'
import SaveStatus from '../../../components/SaveStatus'
import TextField from '../../../components/TextField'
import type { SaveState } from '../../../hooks/useDraftForm'
import { ItemCard } from '../ItemCard'
import Photos from '../Photos'
import { anchor } from './useCheckSubmit'

interface ChoiceProps {
  result: AnswerResult
  label: string
  answer: Answer | undefined
  onResult: (result: AnswerResult) => void
}

/** 无问题 / 有问题: one wide button each, coloured when chosen. */
function Choice({ result, label, answer, onResult }: ChoiceProps) {
  const on = answer?.result === result
  return (
    <View
      className={`choice choice--${result}${on ? ' choice--on' : ''}`}
      data-testid={`choice-${result}`}
      data-on={on ? 'true' : 'false'}
      onClick={() => {
        if (!on) onResult(result)
      }}
    >
      {label}
    </View>
  )
}

export interface ItemEditorProps {
  item: CheckItem
  answer: Answer | undefined
  error: string | undefined
  state: SaveState | undefined
  uploading: number
  urls: Record<string, string>
  onResult: (result: AnswerResult) => void
  onNote: (note: string) => void
  onNoteDone: () => void
  onAddPhotos: () => void
  onRemovePhoto: (fileID: string) => void
  onRetry: () => void
}

/** One item while filling: its choice, then its note and photos (folded for 无问题). */
export default function ItemEditor(props: ItemEditorProps) {
  const { item, answer, error, state, uploading, urls } = props
  const problem = answer?.result === 'problem'
  // 无问题 needs nothing more: its note and photos stay folded until asked for (or present).
  const [unfolded, setUnfolded] = useState(false)
  const more =
    !!answer &&
    (problem ||
      unfolded ||
      !!error ||
      !!(answer.note ?? '').trim() ||
      answer.photos.length > 0 ||
      uploading > 0)
  return (
    <ItemCard
      id={anchor(item._id)}
      item={item}
      result={answer?.result ?? ''}
      error={!!error}
      aside={
        state ? (
          <SaveStatus
            className="check-item__save"
            state={state}
            testId="item-save"
            onRetry={props.onRetry}
          />
        ) : null
      }
    >
      <View className="choices">
        <Choice result="ok" label="无问题" answer={answer} onResult={props.onResult} />
        <Choice result="problem" label="有问题" answer={answer} onResult={props.onResult} />
      </View>
      {answer && !more ? (
        <Text
          className="check-item__unfold"
          data-testid="item-unfold"
          onClick={() => setUnfolded(true)}
        >
          补充说明或照片
        </Text>
      ) : null}
      {answer && more ? (
        <View className="check-item__more">
          <TextField
            name={`note-${item._id}`}
            label={problem ? '问题说明' : '说明（选填）'}
            required={problem}
            error={error}
            value={answer.note ?? ''}
            max={NOTE_MAX}
            long
            placeholder={problem ? '请描述问题及整改措施' : '可补充说明'}
            inputClassName="check-item__note"
            onInput={props.onNote}
            onBlur={props.onNoteDone}
          />
          <Photos
            photos={answer.photos}
            urls={urls}
            uploading={uploading}
            max={PHOTOS_MAX}
            onAdd={props.onAddPhotos}
            onRemove={props.onRemovePhoto}
          />
        </View>
      ) : !answer && error ? (
        <Text className="check-item__error" data-testid="item-error">
          {error}
        </Text>
      ) : null}
    </ItemCard>
  )
}
