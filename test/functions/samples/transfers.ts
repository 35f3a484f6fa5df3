import { TransfersContract } from '../../../types/transfers'
import { expectOk } from '../helpers'
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
      sort: { by: 'amount', order: 'desc' },
    },
    readOnly: true,
  },
  // Transfer ids follow the seed's ledger (dated from today): the matrix opens one listed today.
  detail: {
    input: { projectId: 'p-yangguang', transferId: 'tr-yg-repair-0001' },
    readOnly: true,
    async liveInput(env) {
      const page = expectOk(await env.caller(TransfersContract)('list', {}, 'demo-manager'))
      return { projectId: 'p-yangguang', transferId: page.rows[0]._id }
    },
  },
}
export default samples
