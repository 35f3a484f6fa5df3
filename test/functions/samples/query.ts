import { QueryContract } from '../../../types/query'
import type { Samples } from './kit'

const samples: Samples<typeof QueryContract> = {
  filings: {
    input: {
      name: '阳光花园',
      district: '南山区',
      street: '粤海街道',
      page: 0,
      sort: { by: 'name', order: 'asc' },
    },
    readOnly: true,
  },
  exportFilings: {
    input: { name: '阳光花园', district: '南山区', street: '粤海街道' },
    async happy(env) {
      const reply = await env.caller(QueryContract)(
        'exportFilings',
        { name: '阳光花园' },
        'demo-manager',
      )
      const fileID: string = reply.ok ? reply.data.fileID : ''
      return { reply, targetId: /([^/]+)\.xlsx$/.exec(fileID)?.[1] ?? '' }
    },
  },
  training: {
    input: {
      name: '李',
      idNo: '',
      project: '阳光花园',
      company: '安居',
      startFrom: '2020-01-01',
      startTo: '2030-12-31',
      page: 0,
      sort: { by: 'totalHours', order: 'desc' },
    },
    readOnly: true,
  },
  // tr-0001 is of 安居's staff (阳光花园's company), tr-0151 of 鹏城's (海滨广场's).
  trainingDetail: {
    input: { resultId: 'tr-0001' },
    readOnly: true,
    otherProjectInput: { resultId: 'tr-0151' },
  },
}
export default samples
