import type { ProjectContract } from '../../../types/project'
import type { Samples } from './kit'

const target = { projectId: 'p-yangguang' }
const paged = { projectId: 'p-yangguang', page: 0 }

const samples: Samples<typeof ProjectContract> = {
  basic: { input: target, readOnly: true },
  staff: { input: paged, readOnly: true },
  company: { input: target, readOnly: true },
  committee: { input: target, readOnly: true },
  party: { input: target, readOnly: true },
  owners: { input: target, readOnly: true },
  safety: { input: target, readOnly: true },
  voting: { input: target, readOnly: true },
  votes: { input: paged, readOnly: true },
  facilities: { input: { ...paged, kind: '电梯' }, readOnly: true },
  contracts: { input: target, readOnly: true },
  fund: { input: target, readOnly: true },
  fundUses: { input: paged, readOnly: true },
}
export default samples
