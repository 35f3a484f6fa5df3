import type { FundsContract } from '../../../types/funds'
import type { Samples } from './kit'

const samples: Samples<typeof FundsContract> = {
  accounts: { input: { projectId: 'p-yangguang' }, readOnly: true },
  movements: {
    input: {
      projectId: 'p-yangguang',
      accountId: 'fa-yg-income',
      month: '2026-06',
      direction: 'in',
      page: 0,
      sort: { by: 'amount', order: 'desc' },
    },
    readOnly: true,
  },
}
export default samples
