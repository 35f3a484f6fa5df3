/**
 * 信用信息 through the real credit function: the six subject types of a project, paged; a
 * subject's basic information with ID number and phone masked; its 良好 and 不良 records newest
 * first, a bad one shown up to its last day and never after (the clock moved past it); another
 * project's subject is not found.
 */
import {
  CreditContract,
  SUBJECT_TYPE_KEYS,
  type CreditRecord,
  type CreditSubject,
  type SubjectRow,
} from '../../types/credit'
import { cstDate } from '../../types/display'
import type { InputOf } from '../../types/contract'
import { clock, expectError, expectOk, caller } from './helpers'
import { allRows, bindRegistered } from './registered'
import { fileCloud } from './setup'

const cloud = fileCloud()
const credit = caller(cloud, CreditContract, 'demo-manager')
const records = (subjectId: string, kind: 'good' | 'bad', openid?: string) =>
  allRows<CreditRecord>((page) => credit('records', { subjectId, kind, page }, openid))
type SubjectsInput = InputOf<typeof CreditContract, 'subjects'>
const subjectsOf = (
  type: SubjectsInput['type'],
  extra: Partial<SubjectsInput> = {},
  openid?: string,
) => allRows<SubjectRow>((page) => credit('subjects', { type, page, ...extra }, openid))

it('lists subjects of every type for the project, owners paged by 20', async () => {
  for (const type of SUBJECT_TYPE_KEYS) {
    const rows = await subjectsOf(type)
    expect({ type, some: rows.length > 0 }).toEqual({ type, some: true })
    expect(rows.every((s) => s.type === type)).toBe(true)
  }
  const first = expectOk(await credit('subjects', { type: 'owner' }))
  expect(first.rows).toHaveLength(20)
  expect(first.more).toBe(true)
  const owners = await subjectsOf('owner')
  const raw = await cloud.collection<CreditSubject>('credit_subjects', {
    type: 'owner',
    projectIds: 'p-yangguang',
  })
  expect(owners.map((s) => s._id).sort()).toEqual(raw.map((s) => s._id).sort())
  expect(JSON.stringify(owners)).not.toMatch(/idNo|phone/)
})

it('masks ID numbers and phones in a subject’s basic information', async () => {
  const [raw] = await cloud.collection<CreditSubject>('credit_subjects', { _id: 'cs-yg-manager' })
  const { subject } = expectOk(await credit('subject', { subjectId: 'cs-yg-manager' }))
  expect(subject.phone).toBe('138****8001')
  expect(subject.idNo).toBe(`${raw.idNo!.slice(0, 6)}********${raw.idNo!.slice(-4)}`)
  const text = JSON.stringify(subject)
  expect(text).not.toContain(raw.idNo)
  expect(text).not.toContain(raw.phone)
  for (const s of await subjectsOf('owner')) {
    const detail = expectOk(await credit('subject', { subjectId: s._id })).subject
    expect(detail.idNo).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    expect(detail.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
  }
})

it('shows good and bad records newest first, counted, bad ones only within their period', async () => {
  const today = cstDate(Date.now())
  const good = await records('cs-yg-company', 'good')
  const bad = await records('cs-yg-company', 'bad')
  expect(good.length).toBeGreaterThan(10)
  expect(good.every((r) => r.kind === 'good')).toBe(true)
  const dates = good.map((r) => r.date)
  expect(dates).toEqual([...dates].sort().reverse())
  expect(bad.every((r) => r.kind === 'bad' && r.penalty && r.showUntil! >= today)).toBe(true)
  const all = await cloud.collection<CreditRecord>('credit_records', {
    subjectId: 'cs-yg-company',
    kind: 'bad',
  })
  const expired = all.filter((r) => r.showUntil! < today)
  expect(expired.length).toBeGreaterThan(0)
  expect(bad.map((r) => r._id).sort()).toEqual(
    all
      .filter((r) => r.showUntil! >= today)
      .map((r) => r._id)
      .sort(),
  )
  const { counts } = expectOk(await credit('subject', { subjectId: 'cs-yg-company' }))
  expect(counts).toEqual({ good: good.length, bad: bad.length })
})

it('stops showing a bad record the day after its last day, whatever is asked', async () => {
  const [ending] = await cloud.collection<CreditRecord>('credit_records', {
    _id: 'cr-yg-company-01',
  })
  const lastDay = Date.parse(`${ending.showUntil}T23:59:00+08:00`)
  const ids = async () => (await records('cs-yg-company', 'bad')).map((r) => r._id)
  const before = expectOk(await credit('subject', { subjectId: 'cs-yg-company' })).counts
  expect(await ids()).toContain(ending._id)

  const move = clock(cloud)
  await move(lastDay - Date.now())
  expect(await ids()).toContain(ending._id)
  await move(2 * 60_000)
  expect(await ids()).not.toContain(ending._id)
  const after = expectOk(await credit('subject', { subjectId: 'cs-yg-company' })).counts
  expect(after).toEqual({ good: before.good, bad: before.bad - 1 })
  // Good records never expire.
  expect((await records('cs-yg-company', 'good')).length).toBe(before.good)
  await cloud.setClock(0)
})

it('does not show another project’s subjects or records, and empty types are empty', async () => {
  expectError(await credit('subject', { subjectId: 'cs-hb-company' }), 'NOT_FOUND')
  expectError(await credit('records', { subjectId: 'cs-hb-company', kind: 'bad' }), 'NOT_FOUND')
  expectError(
    await credit('subjects', { type: 'owner', projectId: 'p-yangguang' }, 'demo-manager2'),
    'FORBIDDEN',
  )
  expectError(await credit('subjects', { type: 'owner' }, 'demo-handler'), 'MODULE_NOT_GRANTED')
  const theirs = await subjectsOf('company', {}, 'demo-manager2')
  expect(theirs.map((s) => s._id)).toEqual(['cs-hb-company'])
  expect(await subjectsOf('secretary', {}, 'demo-manager2')).toEqual([])
  const zhou = await bindRegistered(cloud, 'zhou')
  for (const type of SUBJECT_TYPE_KEYS) {
    expect(await subjectsOf(type, { projectId: 'p-cuihu' }, zhou)).toEqual([])
  }
  expect((await subjectsOf('owner', { projectId: 'p-yangguang' }, zhou)).length).toBeGreaterThan(20)
})
