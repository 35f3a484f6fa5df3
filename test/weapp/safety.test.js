/**
 * 安全检查 in the BUILT mini program (dist/weapp) under miniprogram-simulate, talking to the real
 * local cloud: the demo handler's list of checks, and a check's items by category with the saved
 * draft (answers, the note, the photo); a tap on an answer saves that item at once. On WeChat a
 * photo goes chooseMedia → compressImage → photoSlot → wx.cloud.uploadFile.
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, answering, until, text, subpackage } = require('./harness')
const { useWeapp } = require('./app')

const LIST = 'pages/safety/index'
const CHECK = 'pages/safety/check/index'

let openid = 'demo-handler'
/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
).toString('base64')

/** What the page asked of WeChat's media and storage APIs. */
const media = { chooseMedia: [], compressImage: [], uploadFile: [], uploaded: [] }

const app = useWeapp({
  caller: () => openid,
  beforeBoot() {
    global.wx.chooseMedia = answering(media.chooseMedia, {
      type: 'image',
      tempFiles: [{ tempFilePath: 'http://tmp/picked.jpg', size: 2_400_000, fileType: 'image' }],
      errMsg: 'chooseMedia:ok',
    })
    global.wx.compressImage = answering(media.compressImage, {
      tempFilePath: 'http://tmp/compressed.jpg',
      errMsg: 'compressImage:ok',
    })
  },
  // Taro.cloud is wx.cloud itself. Its upload puts the file at the slot's path in cloud storage;
  // here the local cloud stores it through the function's H5 route, which writes it at a path of
  // its own (each upload a new file): the page saves whatever fileID the upload answers.
  afterBoot() {
    global.wx.cloud.uploadFile = async (opts) => {
      media.uploadFile.push(opts)
      const checkId = opts.cloudPath.split('/')[2]
      const event = { action: 'uploadPhoto', checkId, cloudPath: opts.cloudPath, dataBase64: PNG }
      const stored = await app.cloud.call('safety', event, openid)
      if (!stored.ok) throw { errCode: -1, errMsg: 'cloud.uploadFile:fail' }
      media.uploaded.push(stored.data.fileID)
      return { fileID: stored.data.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
    }
  },
})

async function open(route, query = {}) {
  app.reset()
  return app.boot.openPage(route, query)
}

const { fnCalls } = app

async function ok(fn, event) {
  const reply = await app.cloud.call(fn, event, openid)
  expect(reply.ok).toBe(true)
  return reply.data
}

test('安全检查 is a subpackage with its check page', () => {
  const sub = subpackage('pages/safety')
  expect(sub.pages).toEqual(['index', 'check/index'])
  expect(fs.existsSync(path.join(DIST, 'pages', 'safety', 'check', 'index.js'))).toBe(true)
})

test('the list shows the handler’s ongoing checks; a tap opens one', async () => {
  const { rows } = await ok('safety', { action: 'list', tab: 'ongoing', page: 0 })
  expect(rows.length).toBeGreaterThan(1)
  const page = await open(LIST)
  await until(() => page.querySelectorAll('.check-card').length === rows.length, 5000, 'cards')
  for (const r of rows) expect(text(page)).toContain(r.check.title)
  expect(text(page)).toContain('进行中')
  expect(text(page)).toContain('已结束')
  // The routine check: a draft with 7 of its 29 items; the fire check not begun.
  expect(text(page)).toContain('草稿')
  expect(text(page)).toContain('7/29')
  expect(text(page)).toContain('未填写')
  expect(text(page)).toContain('在线专项检查')
  expect(fnCalls()).toContain('safety.list')

  page.querySelectorAll('.check-card')[0].dispatchEvent('tap')
  await until(() => app.boot.calls.navigateTo.length > 0, 2000, 'navigateTo')
  expect(app.boot.calls.navigateTo[0].url).toBe(
    `/pages/safety/check/index?checkId=${encodeURIComponent(rows[0].check._id)}`,
  )
})

test('a check shows its items by category with the saved draft; a tap saves the item', async () => {
  const detail = await ok('safety', { action: 'detail', checkId: 'sc-2026h2' })
  const page = await open(CHECK, { checkId: 'sc-2026h2' })
  await until(() => page.querySelectorAll('.check-item').length === 29, 5000, 'the 29 items')
  expect(page.querySelectorAll('.category')).toHaveLength(detail.check.categories.length)
  for (const c of detail.check.categories) expect(text(page)).toContain(c.name)
  expect(text(page)).toContain(detail.check.title)
  expect(text(page)).toContain('已填 7/29')
  // The draft: seven answered, one of them 有问题 with its note and photo.
  expect(page.querySelectorAll('.choice--on')).toHaveLength(7)
  expect(page.querySelectorAll('.choice--problem.choice--on')).toHaveLength(1)
  expect(page.querySelectorAll('.photos__img')).toHaveLength(1)
  expect(text(page)).toContain('问题说明')

  // 无问题 on the first open item saves it at once.
  const items = page.querySelectorAll('.check-item')
  const open8 = items[7]
  expect(open8.dom.textContent).toContain('DT-01')
  // (simulate finds nodes from the page: the 8th 无问题 is DT-01's)
  page.querySelectorAll('.choice--ok')[7].dispatchEvent('tap')
  await until(() => text(page).includes('已填 8/29'), 2000, 'the progress')
  await app.boot.settle()
  const save = app.boot.calls.callFunction.find((c) => c.data.action === 'saveAnswer')
  expect(save.data).toMatchObject({
    checkId: 'sc-2026h2',
    itemId: 'DT-01',
    answer: { result: 'ok', photos: [] },
  })
  await until(() => open8.dom.textContent.includes('已保存'), 2000, '已保存')
  const after = await ok('safety', { action: 'detail', checkId: 'sc-2026h2' })
  expect(after.submission.answers['DT-01']).toEqual({ result: 'ok', photos: [] })
})

test('a photo: chooseMedia (compressed), compressImage at 70, a slot, then wx.cloud.uploadFile', async () => {
  const page = await open(CHECK, { checkId: 'sc-2026h2' })
  await until(() => page.querySelectorAll('.check-item').length === 29, 5000, 'the 29 items')
  const dt01 = page.querySelectorAll('.check-item')[7]
  expect(dt01.dom.textContent).toContain('DT-01')
  // 无问题 folds the note and photos away: DT-01 is the first of those after the seeded six.
  expect(page.querySelectorAll('.check-item__unfold')).toHaveLength(7)
  page.querySelectorAll('.check-item__unfold')[6].dispatchEvent('tap')
  // Then it offers 添加照片 as XF-07 (有问题) does: XF-07's tile, then DT-01's.
  await until(() => page.querySelectorAll('.photos__add').length === 2, 2000, 'the add tile')
  page.querySelectorAll('.photos__add')[1].dispatchEvent('tap')
  await until(() => media.uploadFile.length === 1, 3000, 'the upload')
  expect(media.chooseMedia[0]).toMatchObject({
    count: 6,
    mediaType: ['image'],
    sizeType: ['compressed'],
  })
  expect(media.compressImage[0]).toMatchObject({ src: 'http://tmp/picked.jpg', quality: 70 })
  const slot = app.boot.calls.callFunction.find((c) => c.data.action === 'photoSlot')
  expect(slot.data).toMatchObject({ checkId: 'sc-2026h2', itemId: 'DT-01', ext: 'jpg' })
  const { cloudPath } = media.uploadFile[0]
  expect(cloudPath).toMatch(/^safety\/p-yangguang\/sc-2026h2\/DT-01\/\w+\.jpg$/)
  expect(media.uploadFile[0].filePath).toBe('http://tmp/compressed.jpg')
  // The fileID goes with the item's answer at once; the tile shows the compressed file.
  await until(
    () => app.boot.calls.callFunction.some((c) => c.data.action === 'saveAnswer'),
    2000,
    'saveAnswer',
  )
  const save = app.boot.calls.callFunction.find((c) => c.data.action === 'saveAnswer')
  const [fileID] = media.uploaded
  expect(save.data.answer.photos).toEqual([fileID])
  await until(() => page.querySelectorAll('.photos__img').length === 2, 2000, 'the new tile')
  await app.boot.settle()
  await until(() => dt01.dom.textContent.includes('已保存'), 2000, '已保存')
  const after = await ok('safety', { action: 'detail', checkId: 'sc-2026h2' })
  expect(after.submission.answers['DT-01']).toEqual({ result: 'ok', photos: [fileID] })
})
