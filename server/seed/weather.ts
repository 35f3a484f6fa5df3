import { projectPlaceId, type Place } from '../../types/weather'

/**
 * Places of the demo projects' 小区 (with 街道 and address, at the coordinates the provider is
 * asked with). Weather itself is never seeded: it comes from the provider (locally the QWeather
 * stand-in) through the cache.
 */
export function weatherPlaces(): Place[] {
  return [
    {
      _id: projectPlaceId('p-yangguang'),
      name: '阳光花园',
      district: '南山区',
      street: '粤海街道',
      address: '深圳市南山区粤海街道科技南十二路18号',
      lat: 22.53,
      lon: 113.95,
    },
    {
      _id: projectPlaceId('p-haibin'),
      name: '海滨广场',
      district: '福田区',
      street: '沙头街道',
      address: '深圳市福田区沙头街道滨河大道9003号',
      lat: 22.52,
      lon: 114.03,
    },
  ]
}

export function weatherSeed() {
  return { docs: { weather_places: weatherPlaces() } }
}
