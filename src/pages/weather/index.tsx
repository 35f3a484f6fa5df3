import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { AtIcon } from 'taro-ui'
import type { Place } from '../../../types/weather'
import { modulePage } from '../../components/ModuleGate'
import { COLORS } from '../../styles/colors'
import Board from './Board'
import PlaceSearch, { placeLine } from './PlaceSearch'
import './weather.scss'

/**
 * 小区气象公告栏 (manual §15): the place (the one this person chose, else their 小区) with
 * 更换地点, then its board — warnings in force first.
 */
function WeatherBody({ projectId }: { projectId: string | undefined }) {
  /** The place chosen on this page (undefined: the one the server remembers). */
  const [chosen, setChosen] = useState<Place | undefined>(undefined)
  /** The place the board is of, as the server said. */
  const [shown, setShown] = useState<Place | undefined>(undefined)
  const [searching, setSearching] = useState(false)
  /** Bumped by every 确定选择, so choosing the same place again loads it again. */
  const [round, setRound] = useState(0)
  const place = shown ?? chosen
  const onPlace = useCallback((p: Place) => setShown(p), [])

  return (
    <View className="weather">
      <View className="place-bar card" data-testid="place-bar">
        <AtIcon value="map-pin" size="22" color={COLORS.primary} />
        <View className="place-bar__main">
          <Text className="place-bar__label">当前地点</Text>
          <Text className="place-bar__name" data-testid="place-current">
            {place?.name ?? '—'}
          </Text>
          {place ? <Text className="place-bar__line">{placeLine(place)}</Text> : null}
        </View>
        {searching ? null : (
          <Text
            className="place-bar__change"
            data-testid="place-change"
            onClick={() => setSearching(true)}
          >
            更换地点
          </Text>
        )}
      </View>

      {searching ? (
        <PlaceSearch
          projectId={projectId}
          currentId={place?._id}
          onCancel={() => setSearching(false)}
          onChosen={(p) => {
            setSearching(false)
            setShown(undefined)
            setChosen(p)
            setRound((r) => r + 1)
          }}
        />
      ) : null}

      {/* Another place is another board: its own loading and its own failure, never the old one. */}
      <Board key={round} projectId={projectId} placeId={chosen?._id} onPlace={onPlace} />
    </View>
  )
}

export default modulePage('weather', WeatherBody, { className: 'weather-page' })
