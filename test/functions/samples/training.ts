import type { TrainingContract } from '../../../types/training'
import type { Samples } from './kit'

const samples: Samples<typeof TrainingContract> = {
  list: { input: { projectId: 'p-yangguang' }, readOnly: true },
  play: { input: { projectId: 'p-yangguang', courseId: 'c-fire' }, readOnly: true },
  report: { input: { projectId: 'p-yangguang', courseId: 'c-fire', position: 12.5 } },
}
export default samples
