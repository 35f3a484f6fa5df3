import { Image, Text, View } from '@tarojs/components'
import { AtActivityIndicator, AtIcon } from 'taro-ui'
import { previewImages } from '../../services/preview'
import { COLORS } from '../../styles/colors'

interface Props {
  photos: string[]
  /** fileID → where to show it. Without one a fileID is shown as is (weapp's Image takes it). */
  urls: Record<string, string>
  /** Large thumbnails (the manager's review). */
  large?: boolean
  /** Uploads under way (a placeholder each). */
  uploading?: number
  /** Given: a 添加照片 tile (while under `max`) and a remove mark on each photo. */
  onAdd?: () => void
  onRemove?: (fileID: string) => void
  max?: number
}

/** An item's photos: tap one to see it large (previewImages); add and remove while filling. */
export default function Photos(props: Props) {
  const { photos, urls, large, uploading = 0, onAdd, onRemove, max = 0 } = props
  const src = (id: string) => urls[id] ?? id
  const preview = (id: string) =>
    void previewImages(src(id), photos.map(src)).catch(() => undefined)
  const canAdd = !!onAdd && photos.length + uploading < max
  if (photos.length === 0 && uploading === 0 && !canAdd) return null
  return (
    <View className={`photos${large ? ' photos--large' : ''}`} data-testid="photos">
      {photos.map((id) => (
        <View key={id} className="photos__item" data-testid="photo">
          <Image
            className="photos__img"
            src={src(id)}
            mode="aspectFill"
            onClick={() => preview(id)}
          />
          {onRemove ? (
            <View
              className="photos__remove"
              data-testid="photo-remove"
              onClick={(e) => {
                e.stopPropagation()
                onRemove(id)
              }}
            >
              <AtIcon value="close" size="10" color={COLORS.onPrimary} />
            </View>
          ) : null}
        </View>
      ))}
      {Array.from({ length: uploading }, (_, i) => (
        <View
          key={`up-${i}`}
          className="photos__item photos__item--uploading"
          data-testid="photo-uploading"
        >
          <AtActivityIndicator size={28} />
          <Text className="photos__hint">上传中</Text>
        </View>
      ))}
      {canAdd ? (
        <View className="photos__item photos__add" data-testid="photo-add" onClick={onAdd}>
          <AtIcon value="camera" size="24" color={COLORS.muted} />
          <Text className="photos__hint">添加照片</Text>
        </View>
      ) : null}
    </View>
  )
}
