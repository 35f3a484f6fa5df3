import type { CreditContract } from '../../../types/credit'
import type { Samples } from './kit'

const samples: Samples<typeof CreditContract> = {
  subjects: { input: { projectId: 'p-yangguang', type: 'owner', page: 0 }, readOnly: true },
  subject: { input: { projectId: 'p-yangguang', subjectId: 'cs-yg-manager' }, readOnly: true },
  records: {
    input: { projectId: 'p-yangguang', subjectId: 'cs-yg-company', kind: 'bad', page: 0 },
    readOnly: true,
  },
}
export default samples
