/**
 * One person, one 身份证号码, shown one way: the demo manager 张建国 appears in 项目信息's 从业人员,
 * in 信用信息 (项目负责人) and in 企业人员培训结果; each function masks his number with the one rule
 * of types/display.ts, so the three answers show the same characters, and the demo data holds one
 * number for him.
 */
import { CreditContract, type CreditSubject } from '../../types/credit'
import { maskIdNo } from '../../types/display'
import { ProjectContract, type StaffMember } from '../../types/project'
import { QueryContract, type TrainingResult, type TrainingRow } from '../../types/query'
import { expectOk, caller } from './helpers'
import { allRows } from './registered'
import { fileCloud } from './setup'

const cloud = fileCloud()

it('张建国 shows the same masked ID number in 从业人员, 信用信息 and 培训结果', async () => {
  const staff = await allRows<StaffMember>((page) =>
    caller(cloud, ProjectContract)('staff', { page }, 'demo-manager'),
  )
  const inStaff = staff.filter((s) => s.name === '张建国').map((s) => s.idNo)

  const { subject } = expectOk(
    await caller(cloud, CreditContract)('subject', { subjectId: 'cs-yg-manager' }, 'demo-manager'),
  ) as { subject: CreditSubject }
  expect(subject.name).toBe('张建国')

  const training = expectOk(
    await caller(cloud, QueryContract)('training', { name: '张建国' }, 'demo-manager'),
  ) as { rows: TrainingRow[] }
  const inTraining = training.rows
    .filter((r) => r.projectName === '阳光花园')
    .map((r) => r.idNoMasked)

  expect(inStaff).toHaveLength(1)
  expect(inTraining).toHaveLength(1)
  expect(subject.idNo).toBe(inStaff[0])
  expect(inTraining[0]).toBe(inStaff[0])
  expect(inStaff[0]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)

  // One number in the demo data, masked by the one rule.
  const numbers = new Set([
    ...(await cloud.collection<StaffMember>('project_staff', { name: '张建国' })).map(
      (s) => s.idNo,
    ),
    ...(await cloud.collection<CreditSubject>('credit_subjects', { name: '张建国' })).map(
      (s) => s.idNo,
    ),
    ...(await cloud.collection<TrainingResult>('training_results', { accountId: 'a-zhang' })).map(
      (r) => r.idNo,
    ),
  ])
  expect(numbers.size).toBe(1)
  expect(maskIdNo([...numbers][0])).toBe(inStaff[0])
})
