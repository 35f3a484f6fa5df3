/** What every tab of 项目信息 is given: the project it shows. */
export interface TabProps {
  projectId: string | undefined
}

/** A term or validity as 「from 至 to」, — for an end not known. */
export const range = (from?: string | null, to?: string | null) => `${from ?? '—'} 至 ${to ?? '—'}`
