/**
 * 观看宣传培训's player in the BUILT mini program (dist/weapp) under miniprogram-simulate, talking
 * to the real local cloud as the demo handler: the video resumes where the server says, progress
 * is reported on play and on pause, and a jump ahead past what was watched is taken back through
 * the video's context (wx.createVideoContext(id).seek) with a toast; the server's count stays.
 */
const { until, text, subpackage } = require('./harness')
const { useWeapp } = require('./app')

const PLAY = 'pages/training/play/index'
const ME = 'demo-handler'

/** Every seek of a video context: `{ id, position }`. */
const seeks = []
const toasts = []

const app = useWeapp({
  caller: ME,
  // Taro takes the wx APIs that exist when the app loads: the video context must be there first.
  beforeBoot() {
    global.wx.createVideoContext = (id) => ({
      seek: (position) => seeks.push({ id, position }),
      play() {},
      pause() {},
      stop() {},
    })
  },
  afterBoot() {
    const showToast = global.wx.showToast
    global.wx.showToast = (opts) => {
      toasts.push(opts.title)
      return showToast(opts)
    }
  },
})

const reports = () =>
  app.boot.calls.callFunction.filter((c) => c.name === 'training' && c.data.action === 'report')

test('the play page is a page of the training subpackage', () => {
  const sub = subpackage('pages/training')
  expect(sub.pages).toEqual(['index', 'play/index'])
})

test('resumes, reports, and takes a jump ahead back through the video context', async () => {
  const page = await app.boot.openPage(PLAY, { courseId: 'c-fire' })
  await until(() => text(page).includes('物业服务区域消防安全管理实务'), 5000, 'the course')
  expect(text(page)).toContain('已观看 40%')
  const video = page.querySelector('#course-video')
  expect(video).toBeTruthy()

  // Play reports where it resumes: the seeded 16 s.
  video.dispatchEvent('play')
  await until(() => reports().length === 1, 3000, 'the report on play')
  expect(reports()[0].data).toMatchObject({ courseId: 'c-fire', position: 16 })

  video.dispatchEvent('timeupdate', { detail: { currentTime: 16.5, duration: 40 } })
  expect(seeks).toEqual([])
  // Dragged to 38 s: back to what was watched, with a toast.
  video.dispatchEvent('timeupdate', { detail: { currentTime: 38, duration: 40 } })
  await until(() => seeks.length > 0, 2000, 'a seek back')
  expect(seeks[0].id).toBe('course-video')
  expect(seeks[0].position).toBeLessThanOrEqual(17)
  expect(toasts).toContain('请完整观看，不能快进')

  await app.boot.settle()
  video.dispatchEvent('pause')
  await until(() => reports().length === 2, 3000, 'the report on pause')
  expect(reports()[1].data.position).toBeLessThanOrEqual(17)
  await app.boot.settle()
  const { data } = await app.cloud.call('training', { action: 'play', courseId: 'c-fire' }, ME)
  expect(data.progress.maxWatched).toBeLessThan(20)
  expect(data.progress.completedAt).toBeUndefined()
  app.boot.closePage()
})
