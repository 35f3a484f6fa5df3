import type { TodosContract } from '../../../types/todos'
import type { Samples } from './kit'

const samples: Samples<typeof TodosContract> = {
  list: { input: { projectId: 'p-yangguang', status: 'pending', page: 0 }, readOnly: true },
  counts: { input: { projectId: 'p-yangguang' }, readOnly: true },
  detail: { input: { projectId: 'p-yangguang', todoId: 't-fill-h2-yg' }, readOnly: true },
}
export default samples
