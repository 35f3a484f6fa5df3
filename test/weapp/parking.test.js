/**
 * 车位信息公开's form in the BUILT mini program (dist/weapp) under miniprogram-simulate, talking to
 * the real local cloud: the seeded draft opens at the step it was left on with its sums worked
 * out, 提交 names the first wrong field and sends nothing, a typed number fixes the sum at once and
 * is saved to the draft, and the steps keep what was entered.
 */
const { until, text, subpackage } = require('./harness')
const { useWeapp } = require('./app')

const FORM = 'pages/parking/form/index'

const app = useWeapp({ caller: 'demo-handler' })

const { fnCalls } = app

test('车位信息公开 is a subpackage with its form and its publicity sheet', () => {
  const sub = subpackage('pages/parking')
  expect(sub.pages).toEqual(['index', 'form/index', 'sheet/index'])
})

test('the draft opens at its step; 提交 names the first wrong field; a fix is saved', async () => {
  const page = await app.boot.openPage(FORM)
  await until(() => text(page).includes('车位基本信息'), 5000, 'the form at step 2')
  // The sums as the seeded draft has them: 地下 + 非地下 is 16 short.
  expect(text(page)).toContain('800 + 36 = 836 ✓ 与车位总数一致')
  expect(text(page)).toContain('760 + 60 = 820，车位总数 836，少 16')
  expect(text(page)).toContain('户均车位数：0.66')

  const before = fnCalls().length
  page.querySelector('.pk-submit .at-button').dispatchEvent('tap')
  await until(() => text(page).includes('第一处：非地下车位数'), 2000, 'the first error')
  expect(text(page)).toContain('相差 16')
  // Nothing was sent: the rules ran on the phone.
  expect(fnCalls().slice(before)).toEqual([])

  page
    .querySelector('.pk-input--pk-counts-aboveGround')
    .dispatchEvent('input', { detail: { value: '76' } })
  await until(() => text(page).includes('760 + 76 = 836 ✓'), 2000, 'the sum fixed')
  await until(() => fnCalls().includes('parking.saveDraft'), 3000, 'the draft saved')
  await app.boot.settle()
  const saved = app.boot.calls.callFunction.find((c) => c.data.action === 'saveDraft')
  expect(saved.data).toMatchObject({ editionId: 'p-yangguang_e3', version: 5, step: 1 })
  expect(saved.data.form.counts.aboveGround).toBe(76)
  const { data } = await app.cloud.call('parking', { action: 'current' }, 'demo-handler')
  expect(data.open.form.counts.aboveGround).toBe(76)

  // The next wrong field is in step 4: 提交 goes there.
  page.querySelector('.pk-submit .at-button').dispatchEvent('tap')
  await until(() => text(page).includes('第一处：充电桩数量'), 2000, 'the next error')
  await until(() => text(page).includes('4. 新能源充电桩情况'), 2000, 'step 4')
  expect(text(page)).toContain('请填写充电桩数量（没有请填0）')

  // Back to step 2: what was typed is still there.
  page.querySelectorAll('.pk-steps__item')[1].dispatchEvent('tap')
  await until(() => text(page).includes('760 + 76 = 836 ✓'), 2000, 'step 2 again')
})
