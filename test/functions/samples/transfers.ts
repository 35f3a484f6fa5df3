import type { TransfersContract } from '../../../types/transfers'
import type { Samples } from './kit'

const samples: Samples<typeof TransfersContract> = {
  list: {
    input: {
      projectId: 'p-yangguang',
      from: '2025-01-01',
      to: '2026-12-31',
      minAmount: 5_000_000,
      maxAmount: 100_000_000,
      page: 0,
    },
    readOnly: true,
  },
  // Transfer ids follow the seed's ledger (dated from today): any id will do for the matrix,
  // which checks who is let in; test/functions/transfers.test.ts opens real ones.
  detail: { input: { projectId: 'p-yangguang', transferId: 'tr-yg-repair-0001' }, readOnly: true },
}
export default samples
