/**
 * 身份认证 and 权限管理 in the BUILT mini program (dist/weapp) under miniprogram-simulate, talking
 * to the real local cloud: the pages render from what the functions say, taps reach the handlers,
 * and the form's inline validation sends nothing.
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, until, text, subpackage } = require('./harness')
const { useWeapp } = require('./app')

const BINDING = 'pages/binding/index'
const PERMISSIONS = 'pages/permissions/index'

let openid = 'demo-newcomer'
const app = useWeapp({ caller: () => openid })

/** The app back from the background as `who` (the session is asked again), then `route`. */
async function openAs(who, route) {
  openid = who
  app.reset()
  await app.boot.foreground()
  return app.boot.openPage(route)
}

const { fnCalls } = app

test('权限管理 is a subpackage with its 更换手机号 page', () => {
  const sub = subpackage('pages/permissions')
  expect(sub.pages).toEqual(['index', 'phone/index'])
  expect(fs.existsSync(path.join(DIST, 'pages', 'permissions', 'phone', 'index.js'))).toBe(true)
})

test('a new user gets the form; a bad phone is caught inline and nothing is sent', async () => {
  app.boot.storage.clear()
  const page = await openAs('demo-newcomer', BINDING)
  await until(() => page.querySelectorAll('.binding__form').length > 0, 5000, 'the form')
  expect(text(page)).toContain('人员类别')
  expect(text(page)).toContain('获取验证码')

  page.querySelector('.sms-code-button').dispatchEvent('tap')
  await until(() => text(page).includes('请输入正确的中国大陆手机号码'), 2000, 'phone error')
  page.querySelector('.binding__submit .at-button').dispatchEvent('tap')
  await until(() => text(page).includes('请选择人员类别'), 2000, 'category error')
  expect(text(page)).toContain('请输入姓名（至少2个字）')
  expect(fnCalls()).toEqual(['binding.me'])
  // The tap on 提交信息 asks to be told the manager's decision (template id from binding.me).
  expect(app.boot.calls.requestSubscribeMessage.map((o) => o.tmplIds)).toEqual([
    ['TPL_AUTH_RESULT'],
  ])

  // A choice is kept in the draft (never a code).
  page.querySelectorAll('.binding__category')[1].dispatchEvent('tap')
  await until(
    () => app.boot.storage.get('draft.binding')?.category === 'committee',
    2000,
    'the draft',
  )
  expect(text(page)).not.toContain('请选择人员类别')
})

test('a pending handler sees whom the request waits for', async () => {
  const page = await openAs('demo-pending', BINDING)
  await until(() => text(page).includes('等待项目负责人授权'), 5000, 'pending card')
  expect(text(page)).toContain('阳光花园')
  expect(text(page)).toContain('138****8003')
  expect(text(page)).toContain('解除绑定')
  expect(page.querySelectorAll('.binding__form')).toHaveLength(0)
})

test('the manager authorizes from 权限管理 with the module chooser', async () => {
  const page = await openAs('demo-manager', PERMISSIONS)
  await until(() => page.querySelectorAll('.handler-row--pending').length > 0, 5000, 'pending')
  expect(text(page)).toContain('王芳')
  expect(text(page)).toContain('企业和项目负责人')
  await until(() => text(page).includes('杨国庆'), 5000, 'contacts')
  // 权限管理 took the app's session: binding.me ran once (the app coming back), not per page.
  expect(fnCalls().filter((c) => c === 'binding.me')).toEqual(['binding.me'])
  expect(fnCalls()).toContain('permissions.listHandlers')

  const asked = app.boot.calls.requestSubscribeMessage.length
  page.querySelector('.handler-row__authorize').dispatchEvent('tap')
  await until(() => page.querySelector('.module-chooser.at-float-layout--active'), 2000, 'chooser')
  // The tap on 授权 asks to be told of the next request.
  expect(app.boot.calls.requestSubscribeMessage.slice(asked).map((o) => o.tmplIds)).toEqual([
    ['TPL_AUTH_REQUEST'],
  ])
  const options = page.querySelectorAll('.module-chooser .at-checkbox__option')
  expect(options.map((o) => o.dom.textContent.trim())).toContain('安全检查')
  options.find((o) => o.dom.textContent.includes('安全检查')).dispatchEvent('tap')
  const ticked = () =>
    page
      .querySelectorAll('.module-chooser .at-checkbox__option--selected')
      .some((o) => o.dom.textContent.includes('安全检查'))
  await until(ticked, 5000, '安全检查 ticked')
  page
    .querySelectorAll('.module-chooser .at-button')
    .find((b) => b.dom.textContent.includes('确定授权'))
    .dispatchEvent('tap')
  await until(() => fnCalls().includes('permissions.authorize'), 3000, 'authorize call')
  const call = app.boot.calls.callFunction.find((c) => c.data.action === 'authorize')
  expect(call.data).toMatchObject({ accountId: 'a-wang', version: 1, modules: ['safety'] })
  await until(() => page.querySelectorAll('.handler-row--pending').length === 0, 5000, 'reload')
  const { data: wang } = await app.cloud.call('binding', { action: 'me' }, 'demo-pending')
  expect(wang.status).toBe('active')
  expect(wang.modules).toEqual(['safety', 'permissions'])
})
