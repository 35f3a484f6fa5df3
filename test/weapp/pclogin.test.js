/**
 * 电脑端登录确认 in the BUILT mini program (dist/weapp): the page a computer's code opens, with the
 * request's id as its `scene` (URL-encoded, as WeChat hands it), shows what is being approved and
 * confirms it through the real pclogin function; the computer then collects its session.
 */
const http = require('node:http')
const { until, text } = require('./harness')
const { useWeapp } = require('./app')

const CONFIRM = 'pages/pclogin/index'
const app = useWeapp({ caller: () => 'demo-handler' })

/** A computer showing its code: an anonymous web user's pclogin.request (docs/web-sdk-protocol.md). */
async function computerAsksForCode() {
  // The simulated mini program's globals have no fetch: Node's http, as the browser would post.
  const post = (path, body, token) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        new URL(path, app.cloud.url),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let data = ''
          res.on('data', (c) => (data += c))
          res.on('end', () => resolve(JSON.parse(data)))
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(body))
    })
  const { access_token: token } = await post('/auth/v1/signin/anonymously?client_id=local', {})
  const reply = await post('/v1/functions/pclogin', { action: 'request' }, token)
  if (!reply.ok) throw new Error(`request failed: ${JSON.stringify(reply)}`)
  const poll = () =>
    post(
      '/v1/functions/pclogin',
      { action: 'poll', loginId: reply.data.loginId, secret: reply.data.secret },
      token,
    )
  return { loginId: reply.data.loginId, poll }
}

test('shows the computer asking, and 确认登录 signs it in', async () => {
  const { loginId, poll } = await computerAsksForCode()
  const page = await app.boot.openPage(CONFIRM, { scene: encodeURIComponent(loginId) })
  await until(() => text(page).includes('电脑IP'), 20_000, 'the request')
  expect(text(page)).toMatch(/127\.0\.0\.1|::1/)
  const approve = page.querySelectorAll('.at-button').find((b) => text(b).includes('确认登录'))
  approve.dispatchEvent('tap')
  await until(() => text(page).includes('已确认登录'), 20_000, 'confirmed')
  const answer = await poll()
  expect(answer).toMatchObject({ ok: true, data: { status: 'approved', name: '李晓华' } })
})

test('a code that is not one says so, and asks nothing', async () => {
  app.reset()
  const page = await app.boot.openPage(CONFIRM, { scene: 'nonsense' })
  await until(() => text(page).includes('二维码无效'), 5000, 'the refusal')
  expect(app.fnCalls().filter((c) => c.startsWith('pclogin.'))).toEqual([])
})
