import {
  checkFunctionConfig,
  openApiCalls,
  parseFunctionConfig,
  permitsOpenApi,
  timeLimitMs,
} from '../../server/local-cloud/function-config'

// What esbuild makes of `import * as cloud from 'wx-server-sdk'` + `cloud.openapi…` in the kernel.
const BUNDLE = `
var cloud4 = __toESM(require("wx-server-sdk"));
async function notify(touser) {
  try {
    await cloud4.openapi.subscribeMessage.send({ touser });
  } catch (err) {}
}`
const DIR = 'cloudfunctions/binding'
const GRANTS = JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] } })

describe('openApiCalls', () => {
  it('finds calls whatever the SDK import is named, once each, sorted', () => {
    const code = `${BUNDLE}
      import_wx_server_sdk.openapi.security.msgSecCheck({ content })
      cloud4.openapi
        .subscribeMessage
        .send(again)
      const { openapi } = cloud; openapi.wxacode.getUnlimited({ scene })
      cloud.openapi({ appid: 'wx2' }).customerServiceMessage.send(msg)`
    expect(openApiCalls(code)).toEqual([
      'customerServiceMessage.send',
      'security.msgSecCheck',
      'subscribeMessage.send',
      'wxacode.getUnlimited',
    ])
  })

  it('ignores what is not a call of an openapi method', () => {
    const code = `
      const myopenapi = {}; myopenapi.a.b()
      // Subscribe messages go through cloud.openapi (the local cloud records them).
      const fn = cloud.openapi.subscribeMessage.send`
    expect(openApiCalls(code)).toEqual([])
  })
})

describe('checkFunctionConfig', () => {
  it('accepts a config.json that lists every call', () => {
    expect(checkFunctionConfig(DIR, BUNDLE, GRANTS)).toEqual([])
  })

  it('names the function and the missing permission', () => {
    const problems = checkFunctionConfig(DIR, BUNDLE, '{"permissions": {"openapi": []}}')
    expect(problems).toEqual([
      expect.stringContaining(
        'cloudfunctions/binding/config.json: "permissions.openapi" lacks "subscribeMessage.send"',
      ),
    ])
    expect(problems[0]).toContain('-604101')
  })

  it('fails a function without config.json, saying what to put there', () => {
    expect(checkFunctionConfig(DIR, BUNDLE, null)).toEqual([
      'cloudfunctions/binding/config.json is missing: every function declares its settings there, ' +
        'with "permissions": {"openapi": ["subscribeMessage.send"]}',
    ])
    expect(checkFunctionConfig(DIR, 'exports.main = () => 1', null)).toHaveLength(1)
  })

  it.each([
    ['{"permissions": ', 'not valid JSON'],
    ['[]', 'must be a JSON object'],
    ['{"permission": {"openapi": ["subscribeMessage.send"]}}', 'unknown key "permission"'],
    ['{"permissions": {"openApi": ["subscribeMessage.send"]}}', 'unknown key "openApi"'],
    ['{"permissions": {"openapi": "subscribeMessage.send"}}', 'must be a list of API names'],
    ['{"permissions": {"openapi": ["subscribeMessage send"]}}', 'must be a list of API names'],
    ['{"timeout": "10"}', '"timeout" must be whole seconds from 1 to 300'],
    ['{"timeout": 0}', '"timeout" must be whole seconds'],
    ['{"timeout": 2.5}', '"timeout" must be whole seconds'],
    ['{"triggers": {}}', '"triggers" must be a list'],
    ['{"triggers": [{"name": "t", "type": "timer", "config": "0 0 2 * *"}]}', 'triggers[0]'],
  ])('fails a malformed config.json %s', (text, message) => {
    const [problem, ...more] = checkFunctionConfig(DIR, BUNDLE, text)
    expect(problem).toContain('cloudfunctions/binding/config.json')
    expect(problem).toContain(message)
    expect(more).toEqual([])
  })
})

describe('parseFunctionConfig', () => {
  it('reads permissions, timer triggers and the time limit', () => {
    const text = JSON.stringify({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'close', type: 'timer', config: '0 0 2 * * * *' }],
      timeout: 10,
    })
    expect(parseFunctionConfig(text, 'x')).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'close', type: 'timer', config: '0 0 2 * * * *' }],
      timeout: 10,
    })
  })

  it('gives an empty object no permissions and no time limit of its own', () => {
    expect(parseFunctionConfig('{}', 'x')).toEqual({ permissions: { openapi: [] }, triggers: [] })
  })
})

describe('permissions and time limits', () => {
  const config = parseFunctionConfig(GRANTS, 'x')

  it('permits only listed APIs, and nothing without a config.json', () => {
    expect(permitsOpenApi(config, 'subscribeMessage.send')).toBe(true)
    expect(permitsOpenApi(config, 'security.msgSecCheck')).toBe(false)
    expect(permitsOpenApi(null, 'subscribeMessage.send')).toBe(false)
  })

  it("uses the function's own limit, WeChat's 3 s without one, or the override for all", () => {
    expect(timeLimitMs(parseFunctionConfig('{"timeout": 10}', 'x'), 0)).toBe(10_000)
    expect(timeLimitMs(config, 0)).toBe(3000)
    expect(timeLimitMs(null, 0)).toBe(3000)
    expect(timeLimitMs(parseFunctionConfig('{"timeout": 10}', 'x'), 500)).toBe(500)
  })
})
