import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AtButton, AtIcon } from 'taro-ui'
import {
  WeatherContract,
  type DailyForecast,
  type Place,
  type Warning,
  type WeatherBoard,
  type WeatherNow,
} from '../../../types/weather'
import CloudView from '../../components/CloudView'
import { useModuleCall } from '../../hooks/useModuleCall'
import { usePullToRefresh } from '../../hooks/usePageRefresh'
import { COLORS } from '../../styles/colors'
import { dayLabel, whenText } from './format'
import { SIGNAL_CLASS, signalName } from './signals'

function WarningCard({ warning }: { warning: Warning }) {
  const tone = SIGNAL_CLASS[warning.colour]
  return (
    <View
      className={`warning-card warning-card--${tone}`}
      data-testid="warning"
      data-type={warning.type}
      data-colour={warning.colour}
    >
      <View className="warning-card__head">
        <Text className={`signal-badge signal-badge--${tone}`} data-testid="warning-badge">
          {signalName(warning.type, warning.colour)}
        </Text>
        <Text className="warning-card__issued" data-testid="warning-issued">
          {whenText(warning.issuedAt)} 发布
        </Text>
      </View>
      <Text className="warning-card__headline" data-testid="warning-headline">
        {warning.headline}
      </Text>
      {warning.description ? (
        <Text className="warning-card__desc">{warning.description}</Text>
      ) : null}
      <View className="warning-card__guidance" data-testid="warning-guidance">
        <Text className="warning-card__guidance-title">物业应对</Text>
        <Text className="warning-card__guidance-text">{warning.guidance}</Text>
      </View>
      {warning.issuer ? <Text className="warning-card__issuer">{warning.issuer}</Text> : null}
    </View>
  )
}

function NowCard({ now }: { now: WeatherNow | null }) {
  if (!now) {
    return (
      <View className="card weather-now" data-testid="weather-now">
        <Text className="card__text">暂无实况数据</Text>
      </View>
    )
  }
  return (
    <View className="card weather-now" data-testid="weather-now">
      <View className="weather-now__main">
        <Text className="weather-now__temp" data-testid="weather-temp">
          {now.temp}°
        </Text>
        <View className="weather-now__side">
          <Text className="weather-now__text" data-testid="weather-text">
            {now.text}
          </Text>
          <Text className="weather-now__feels">体感 {now.feelsLike}°C</Text>
        </View>
      </View>
      <View className="weather-now__facts">
        <View className="weather-now__fact">
          <Text className="weather-now__label">风向风力</Text>
          <Text className="weather-now__value" data-testid="weather-wind">
            {now.windDir} {now.windScale}级
          </Text>
        </View>
        <View className="weather-now__fact">
          <Text className="weather-now__label">相对湿度</Text>
          <Text className="weather-now__value" data-testid="weather-humidity">
            {now.humidity}%
          </Text>
        </View>
        <View className="weather-now__fact">
          <Text className="weather-now__label">降水量</Text>
          <Text className="weather-now__value">{now.precip}mm</Text>
        </View>
      </View>
    </View>
  )
}

function DailyList({ daily }: { daily: DailyForecast[] }) {
  return (
    <View className="card weather-daily" data-testid="weather-daily">
      <Text className="card__title">未来7天</Text>
      {daily.length === 0 ? <Text className="card__text">暂无预报数据</Text> : null}
      {daily.map((d) => {
        const label = dayLabel(d.date)
        return (
          <View key={d.date} className="daily-row" data-testid="daily-row">
            <View className="daily-row__day">
              <Text className="daily-row__name">{label.name}</Text>
              <Text className="daily-row__date">{label.date}</Text>
            </View>
            <Text className="daily-row__text">
              {d.textDay === d.textNight ? d.textDay : `${d.textDay}转${d.textNight}`}
            </Text>
            <Text className="daily-row__wind">
              {d.windDirDay}
              {d.windScaleDay}级
            </Text>
            <Text className="daily-row__temp">
              {d.tempMin}~{d.tempMax}°C
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/**
 * Seconds left of a wait the server asked for, counted down from when its answer (`answer`, a new
 * object per reply) came; 0 when there is none or it is over.
 */
function useCountdown(seconds: number | undefined, answer: unknown): number {
  const [counted, setCounted] = useState({ answer, left: seconds ?? 0 })
  useEffect(() => {
    if (!seconds) return undefined
    const until = Date.now() + seconds * 1000
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000))
      setCounted({ answer, left })
      if (left === 0) clearInterval(timer)
    }, 250)
    return () => clearInterval(timer)
  }, [seconds, answer])
  // A new answer shows its own seconds until the first tick counts them.
  return counted.answer === answer ? counted.left : (seconds ?? 0)
}

function BoardView({
  board,
  wait,
  onRefresh,
}: {
  board: WeatherBoard
  /** Seconds until 刷新 can bring newer data (the provider is being spared). */
  wait: number
  onRefresh: () => void
}) {
  return (
    <View className="weather-board" data-testid="weather-board" data-place-id={board.place._id}>
      {board.stale ? (
        <View className="weather-stale" data-testid="weather-stale">
          <Text data-testid="weather-stale-text">
            数据更新于 {whenText(board.updatedAt)}，暂时无法获取最新数据
          </Text>
          {wait > 0 ? (
            <Text className="weather-stale__wait" data-testid="refresh-countdown">
              {wait} 秒后可刷新
            </Text>
          ) : (
            <Text className="weather-stale__refresh" data-testid="refresh" onClick={onRefresh}>
              刷新
            </Text>
          )}
        </View>
      ) : null}

      <Text className="section-title">
        预警信号{board.warnings.length ? `（${board.warnings.length}）` : ''}
      </Text>
      {board.warnings.length ? (
        <View className="weather-warnings" data-testid="warnings">
          {board.warnings.map((w) => (
            <WarningCard key={w.id} warning={w} />
          ))}
        </View>
      ) : (
        <View className="card weather-calm" data-testid="no-warnings">
          <Text className="card__text">当前无生效的气象预警信号</Text>
        </View>
      )}

      <Text className="section-title">实况天气</Text>
      <NowCard now={board.now} />
      <DailyList daily={board.daily} />

      {!board.stale && board.updatedAt ? (
        <Text className="weather-updated" data-testid="weather-updated">
          数据来源：和风天气 · 更新于 {whenText(board.updatedAt)}
        </Text>
      ) : null}
    </View>
  )
}

/**
 * Nothing to show and the provider being spared: what happened, and 重试 disabled with the seconds
 * left, enabled when they are over (a try before could only fail again).
 */
function Unavailable({
  message,
  wait,
  onRetry,
}: {
  message: string
  wait: number
  onRetry: () => void
}) {
  return (
    <View className="weather-unavailable" data-testid="cloud-error">
      <AtIcon value="alert-circle" size="48" color={COLORS.danger} />
      <Text className="weather-unavailable__text">{message}</Text>
      {wait > 0 ? (
        <Text className="weather-unavailable__wait" data-testid="retry-countdown">
          {wait} 秒后可重试
        </Text>
      ) : null}
      <View className="weather-unavailable__retry" data-testid="retry">
        <AtButton type="primary" size="small" disabled={wait > 0} onClick={onRetry}>
          重试
        </AtButton>
      </View>
    </View>
  )
}

interface Props {
  projectId: string | undefined
  /** undefined: the place the server remembers for this person (or their own 小区). */
  placeId: string | undefined
  /** Told which place the board is of, once it is known. */
  onPlace: (place: Place) => void
}

/**
 * The board of one place: warnings in force first, then now and 7 days. A failed first load
 * says why with 重试 (CloudView); a failed refresh keeps the board and toasts; the server marks
 * an answer past its time to live (stale), and so does the page. While the provider is spared
 * after a failure, 重试 / 刷新 wait the seconds the server names. Pull down to refresh.
 */
export default function Board({ projectId, placeId, onPlace }: Props) {
  const board = useModuleCall(WeatherContract, 'board', { projectId, placeId })
  const place = board.data?.place

  useEffect(() => {
    if (place) onPlace(place)
  }, [place, onPlace])

  usePullToRefresh(board.reload)

  const refreshWait = useCountdown(board.data?.retryAfterSec, board.data)
  const retryWait = useCountdown(board.error?.retryAfterSec, board.error)
  const reload = () => void board.reload()

  if (board.data === undefined && board.error?.retryAfterSec !== undefined && !board.loading) {
    return <Unavailable message={board.error.message} wait={retryWait} onRetry={reload} />
  }
  return (
    <CloudView state={board} loadingText="正在获取天气…">
      {(b) => <BoardView board={b} wait={refreshWait} onRefresh={reload} />}
    </CloudView>
  )
}
