/**
 * notify never fails the user's action, but a refused openapi permission (-604101: the function's
 * config.json lacks subscribeMessage.send) is a deployment bug and must be loud, unlike a user
 * who did not subscribe (43101).
 */
import * as cloud from 'wx-server-sdk'
import { notify } from '../../server/kernel/messaging'

jest.mock('wx-server-sdk', () => ({ openapi: { subscribeMessage: { send: jest.fn() } } }))

const send = cloud.openapi.subscribeMessage.send as unknown as jest.Mock
const sdkError = (errCode: number, errMsg: string) =>
  Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg })

let error: jest.SpyInstance
let warn: jest.SpyInstance
beforeEach(() => {
  send.mockReset()
  error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => jest.restoreAllMocks())

const tell = () =>
  notify('o-manager', 'TPL_AUTH_REQUEST', 'pages/permissions/index', { thing1: '周杰' })

describe('notify', () => {
  it('sends the message with values cut to 20 characters', async () => {
    send.mockResolvedValue({ errCode: 0 })
    await notify('o-x', 'TPL', 'pages/home/index', { thing1: '一'.repeat(25) })
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        touser: 'o-x',
        templateId: 'TPL',
        data: { thing1: { value: '一'.repeat(20) } },
      }),
    )
  })

  it('logs a refused permission as an error and still resolves', async () => {
    send.mockRejectedValue(sdkError(-604101, 'system error: error code: -604101'))
    await expect(tell()).resolves.toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toContain('config.json')
    expect(error.mock.calls[0][0]).toContain('subscribeMessage.send')
    expect(warn).not.toHaveBeenCalled()
  })

  it('only warns when the user has not subscribed', async () => {
    send.mockRejectedValue(sdkError(43101, 'user refuse to accept the msg'))
    await expect(tell()).resolves.toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(error).not.toHaveBeenCalled()
  })

  it('sends nothing without a recipient or a template', async () => {
    await notify(null, 'TPL', 'p', {})
    await notify('o-x', undefined, 'p', {})
    expect(send).not.toHaveBeenCalled()
  })
})
