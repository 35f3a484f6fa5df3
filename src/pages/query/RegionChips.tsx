import { Text, View } from '@tarojs/components'
import { DISTRICTS, SHENZHEN_REGIONS, type District } from '../../../types/query'

interface Props {
  district?: District
  street?: string
  onChange: (next: { district?: District; street?: string }) => void
}

/** 所在区域 (optional): 全市 or one district, then optionally one of its 街道. */
export default function RegionChips({ district, street, onChange }: Props) {
  const chip = (key: string, label: string, on: boolean, pick: () => void, testId: string) => (
    <Text
      key={key}
      className={`chip${on ? ' chip--on' : ''}`}
      data-testid={testId}
      data-active={on ? 'true' : 'false'}
      onClick={pick}
    >
      {label}
    </Text>
  )
  return (
    <View className="region">
      <View className="region__chips" data-testid="districts">
        {chip('all', '全市', !district, () => onChange({}), 'district-all')}
        {DISTRICTS.map((d) =>
          chip(d, d, district === d, () => onChange({ district: d }), `district-${d}`),
        )}
      </View>
      {district ? (
        <View className="region__chips region__chips--streets" data-testid="streets">
          {chip('all', '全部街道', !street, () => onChange({ district }), 'street-all')}
          {SHENZHEN_REGIONS[district].map((s) =>
            chip(s, s, street === s, () => onChange({ district, street: s }), `street-${s}`),
          )}
        </View>
      ) : null}
    </View>
  )
}
