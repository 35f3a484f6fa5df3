import type { EvaluationContract } from '../../../types/evaluation'
import type { Samples } from './kit'

const samples: Samples<typeof EvaluationContract> = {
  rankings: {
    input: { projectId: 'p-yangguang', kind: 'project', period: '2026Q1', page: 0 },
    readOnly: true,
  },
  stats: { input: { projectId: 'p-yangguang' }, readOnly: true },
}
export default samples
