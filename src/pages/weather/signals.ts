import type { SignalColour } from '../../../types/weather'

/**
 * The colours of Shenzhen's warning signals as the signals themselves are drawn (white, blue,
 * yellow, orange, red): real colours, not the app's theme, and their own constants here.
 */
export const SIGNAL_CLASS: Record<SignalColour, string> = {
  白: 'white',
  蓝: 'blue',
  黄: 'yellow',
  橙: 'orange',
  红: 'red',
}

/** 暴雨 + 橙 → 暴雨橙色预警. */
export const signalName = (type: string, colour: SignalColour) => `${type}${colour}色预警`
