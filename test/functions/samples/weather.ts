import type { WeatherContract } from '../../../types/weather'
import type { Samples } from './kit'

const samples: Samples<typeof WeatherContract> = {
  search: { input: { projectId: 'p-yangguang', keyword: '南山' }, readOnly: true },
  choose: { input: { projectId: 'p-yangguang', placeId: 'wp-p-yangguang' } },
  board: { input: { projectId: 'p-yangguang', placeId: 'wp-p-yangguang' }, readOnly: true },
}
export default samples
