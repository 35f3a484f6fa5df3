/**
 * 发布信息公开 in the BUILT mini program (dist/weapp) under miniprogram-simulate, talking to the real
 * local cloud: a PDF from a chat (chooseMessageFile) goes attachmentSlot → wx.cloud.uploadFile to
 * the slot's path → disclosure.keepAttachment, and the notice published names the copy the
 * function kept (under kept/disclosure/, where no phone writes), not the phone's own upload.
 */
const { answering, until, text, subpackage } = require('./harness')
const { putFile } = require('./cloud')
const { useWeapp } = require('./app')

const PUBLISH = 'pages/disclosure/publish/index'
const openid = 'demo-handler'

/** A one-page PDF (what the function checks: `%PDF-` first, the size the slot announced). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
)

/** What the page asked of WeChat's file APIs, and what the functions answered it. */
const asked = { chooseMessageFile: [], uploadFile: [], uploaded: [] }
const replies = []

const app = useWeapp({
  caller: openid,
  // Storage written at an exact path, as the phone's own upload is (cloud.js › putFile).
  sdk: true,
  through: (send) => async (name, data) => {
    const reply = await send(name, data)
    replies.push({ name, data, reply })
    return reply
  },
  beforeBoot() {
    global.wx.chooseMessageFile = answering(asked.chooseMessageFile, {
      tempFiles: [{ path: 'http://tmp/chat-file.pdf', name: '明细.pdf', size: PDF.length }],
      errMsg: 'chooseMessageFile:ok',
    })
  },
  // Taro.cloud is wx.cloud itself: the upload stores the bytes at the slot's path in the local
  // cloud's storage and answers that file's fileID, as WeChat's does. (Not the function's H5
  // route, as safety.test.js does: that stores the file as kept already, and keepAttachment would
  // only answer it back instead of checking and copying the phone's upload.)
  afterBoot(_boot, cloud) {
    global.wx.cloud.uploadFile = async (opts) => {
      asked.uploadFile.push(opts)
      const fileID = await putFile(cloud.url, opts.cloudPath, PDF)
      asked.uploaded.push(fileID)
      return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
    }
  },
})

const { fnCalls } = app
const answerTo = (action) => replies.find((r) => r.data.action === action)?.reply

test('发布信息公开 is a page of the 信息公开 subpackage', () => {
  expect(subpackage('pages/disclosure').pages).toContain('publish/index')
})

test('a PDF from a chat is uploaded to its slot, kept by the function, and published', async () => {
  const page = await app.boot.openPage(PUBLISH)
  await until(() => page.querySelector('.dc-files__add'), 5000, 'the form')

  page.querySelectorAll('.dc-add')[1].dispatchEvent('tap')
  await until(() => text(page).includes('已上传'), 5000, 'the attachment uploaded')
  expect(asked.chooseMessageFile[0]).toMatchObject({ type: 'file', extension: ['pdf'] })
  const slot = app.boot.calls.callFunction.find((c) => c.data.action === 'attachmentSlot')
  expect(slot.data).toMatchObject({ name: '明细.pdf', ext: 'pdf', size: PDF.length })
  const { cloudPath } = answerTo('attachmentSlot').data
  expect(cloudPath).toMatch(/^disclosure\/p-yangguang\/\d{4}-\d{2}\/\w+\.pdf$/)
  expect(asked.uploadFile).toHaveLength(1)
  expect(asked.uploadFile[0]).toMatchObject({ cloudPath, filePath: 'http://tmp/chat-file.pdf' })
  const [uploaded] = asked.uploaded
  expect(uploaded).toBe(`cloud://local-env.local-cloud/${cloudPath}`)

  // The phone's upload goes to keepAttachment; the copy it answers is what the form holds.
  const keep = app.boot.calls.callFunction.find((c) => c.data.action === 'keepAttachment')
  expect(keep.data).toMatchObject({ cloudPath, fileID: uploaded })
  expect(keep.data.projectId).toBe(slot.data.projectId)
  const kept = answerTo('keepAttachment')
  expect(kept.ok).toBe(true)
  expect(kept.data.fileID).toMatch(
    /^cloud:\/\/local-env\.local-cloud\/kept\/disclosure\/p-yangguang\//,
  )
  expect(kept.data.fileID).not.toBe(uploaded)
  const file = page.querySelector('.dc-file')
  expect(file.dom.textContent).toContain('明细.pdf')
  expect(file.dom.textContent).toContain('1 KB · 已上传')

  page.querySelectorAll('.dc-chip')[0].dispatchEvent('tap')
  page.querySelector('.dc-input').dispatchEvent('input', { detail: { value: '第四季度收支明细' } })
  page
    .querySelector('.dc-textarea')
    .dispatchEvent('input', { detail: { value: '本季度收支明细见附件。' } })
  await until(() => page.querySelector('.dc-chip--on'), 2000, 'the category chosen')
  const category = page.querySelector('.dc-chip--on').dom.textContent.trim()

  page.querySelector('.dc-publish .at-button').dispatchEvent('tap')
  // The dialog is always in the page; asked, it shows the question.
  await until(
    () => text(page).includes('“第四季度收支明细”将向本项目公示至'),
    2000,
    'the confirm dialog',
  )
  expect(page.querySelector('.confirm-dialog.at-modal--active')).toBeTruthy()
  page.querySelector('.confirm-dialog__ok').dispatchEvent('tap')
  await until(() => app.boot.calls.redirectTo.length > 0, 5000, 'the notice opened')
  const published = answerTo('publish')
  expect(published.ok).toBe(true)
  expect(app.boot.calls.redirectTo[0].url).toBe(
    `/pages/disclosure/detail/index?noticeId=${published.data._id}`,
  )
  // Each once, in this order: the slot, the copy kept after the upload, the notice.
  const flow = ['disclosure.attachmentSlot', 'disclosure.keepAttachment', 'disclosure.publish']
  expect(fnCalls().filter((c) => flow.includes(c))).toEqual(flow)

  // What the function now has: the notice names the kept copy, with the file's name and size.
  const list = await app.cloud.call('disclosure', { action: 'list', page: 0 }, openid)
  const row = list.data.rows.find((r) => r._id === published.data._id)
  expect(row).toMatchObject({ title: '第四季度收支明细', category })
  const detail = await app.cloud.call(
    'disclosure',
    { action: 'detail', noticeId: published.data._id },
    openid,
  )
  expect(detail.data.notice.attachments).toEqual([
    expect.objectContaining({
      fileID: kept.data.fileID,
      name: '明细.pdf',
      kind: 'pdf',
      size: PDF.length,
    }),
  ])
  expect(detail.data.urls[kept.data.fileID]).toBeTruthy()
})
