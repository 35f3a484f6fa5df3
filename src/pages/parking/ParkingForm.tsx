import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import { AtButton } from 'taro-ui'
import type { Session } from '../../../types/account'
import { AppError } from '../../../types/errors'
import {
  chinaDate,
  DISPUTE_TYPES,
  fillBlanks,
  INCOME_RECIPIENTS,
  PARKING_FIELDS,
  PARKING_SECTIONS,
  ParkingContract,
  ParkingDraftSchema,
  RELIEF_MEASURES,
  spacesPerHome,
  sumLines,
  TEXT_MAX,
  validateParking,
  type IncomeRecipient,
  type ParkingCurrent,
  type ParkingDraft,
  type SumLine,
} from '../../../types/parking'
import { useConfirm } from '../../components/ConfirmDialog'
import FormField, { NO_MAXLENGTH } from '../../components/FormField'
import { newRequestId } from '../../services/requestId'
import { call } from '../../services/api'
import { askForNotices } from '../../services/subscribe'
import { toast } from '../../services/toast'
import { useSession } from '../../session'
import { anchorOf, shortTime } from './format'

/** How long typing pauses before the draft is saved. */
const SAVE_DEBOUNCE_MS = 800
const STEP_NAMES = ['土地', '车位', '停车卡', '充电桩', '纠纷', '缓解']

/** Fields typed as numbers: their text is kept as typed, the draft holds the number. */
const NUMERIC = [
  'homes',
  'counts.total',
  'counts.planned',
  'counts.added',
  'counts.fixed',
  'counts.nonFixed',
  'counts.underground',
  'counts.aboveGround',
  'sharedLand.spaces',
  'cards.issued',
  'cards.monthlyFee',
  'chargers.count',
]

type Obj = Record<string, unknown>

function getAt(form: ParkingDraft, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Obj | undefined)?.[k], form)
}

function setAt(form: ParkingDraft, path: string, value: unknown): ParkingDraft {
  const [head, ...rest] = path.split('.')
  const obj = form as Obj
  if (rest.length === 0) return { ...obj, [head]: value } as ParkingDraft
  const inner = (obj[head] ?? {}) as ParkingDraft
  return { ...obj, [head]: setAt(inner, rest.join('.'), value) } as ParkingDraft
}

function rawOf(form: ParkingDraft): Record<string, string> {
  const out: Record<string, string> = {}
  for (const path of NUMERIC) {
    const v = getAt(form, path)
    out[path] = typeof v === 'number' ? String(v) : ''
  }
  return out
}

/** The typed text as a number: null when blank, NaN when it is not a number at all. */
function parseNumber(text: string): number | null {
  const t = text.trim()
  if (t === '') return null
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN
}

/** What the draft may hold: a value its schema refuses (a negative count…) is saved as blank. */
function forSave(form: ParkingDraft): ParkingDraft {
  let out = form
  for (let i = 0; i < 3; i++) {
    const parsed = ParkingDraftSchema.safeParse(out)
    if (parsed.success) return parsed.data as ParkingDraft
    for (const issue of parsed.error.issues) out = setAt(out, issue.path.join('.'), null)
  }
  return out
}

const sectionOf = (path: string) =>
  PARKING_FIELDS.find((f) => path === f.path || path.startsWith(`${f.path}.`))?.section ?? 0
const labelOf = (path: string) =>
  PARKING_FIELDS.find((f) => path === f.path || path.startsWith(`${f.path}.`))?.label ?? path

function SumCheck({ line }: { line: SumLine }) {
  const [a, b] = line.parts
  if (line.diff === null) {
    return (
      <View className="pk-sum pk-sum--pending" data-testid={`sum-${line.path}`} data-ok="pending">
        <Text>{line.label} = 车位总数（待填写）</Text>
      </View>
    )
  }
  const ok = line.diff === 0
  return (
    <View
      className={`pk-sum ${ok ? 'pk-sum--ok' : 'pk-sum--bad'}`}
      data-testid={`sum-${line.path}`}
      data-ok={ok ? 'true' : 'false'}
    >
      <Text>
        {a} + {b} = {a! + b!}
        {ok
          ? ` ✓ 与车位总数一致`
          : `，车位总数 ${line.total}，${line.diff > 0 ? '多' : '少'} ${Math.abs(line.diff)}`}
      </Text>
    </View>
  )
}

interface Props {
  current: ParkingCurrent
  projectId: string | undefined
  session: Session
  /** Loads the project's editions again (changed underneath: another phone, a submission). */
  onReload: () => void
}

/**
 * The disclosure form in six steps, in the manual's order. Every change is kept in the draft on
 * the server after a pause in typing (another phone of the same person continues it, at the same
 * step); the sums of 车位基本信息 are worked out as they are typed; 提交 checks every rule (the
 * same ones the function keeps), goes to the first wrong field and names it.
 */
export default function ParkingFormView({ current, projectId, session, onReload }: Props) {
  const open = current.open?.status === 'draft' ? current.open : null
  const { refreshOnAccessError } = useSession()
  const { dialog, ask } = useConfirm()
  const manager = session.account?.role === 'manager'
  const [today] = useState(() => chinaDate(Date.now()))

  const [initial] = useState(() => fillBlanks(open?.form ?? current.base))
  const [draft, setDraftState] = useState<ParkingDraft>(initial)
  const draftRef = useRef(initial)
  const [raw, setRaw] = useState<Record<string, string>>(() => rawOf(initial))
  const [step, setStepState] = useState(open?.step ?? 0)
  const stepRef = useRef(step)
  const edition = useRef({
    id: open?._id,
    version: open?.version ?? 0,
    number: open?.edition ?? current.nextEdition,
  })
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'failed'>(
    open ? 'saved' : 'idle',
  )
  const [savedAt, setSavedAt] = useState(open?.updatedAt)
  const [editionNo, setEditionNo] = useState(open?.edition ?? current.nextEdition)
  const [checked, setChecked] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const chain = useRef<Promise<boolean>>(Promise.resolve(true))
  const request = useRef<{ version: number; id: string } | null>(null)
  const reloading = useRef(false)

  /** Numbers typed that are not numbers at all (the draft holds a blank for them). */
  const typingErrors = useMemo(() => {
    const out: Record<string, string> = {}
    for (const path of NUMERIC) {
      if (Number.isNaN(parseNumber(raw[path] ?? ''))) out[path] = `${labelOf(path)}请填写数字`
    }
    return out
  }, [raw])

  const errors = useMemo(() => {
    if (!checked) return {}
    const all = { ...validateParking(draft, today), ...serverErrors, ...typingErrors }
    const order = PARKING_FIELDS.map((f) => f.path)
    const rank = (k: string) => order.findIndex((p) => k === p || k.startsWith(`${p}.`))
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => rank(a) - rank(b)))
  }, [checked, draft, serverErrors, typingErrors, today])
  const errorSections = new Set(Object.keys(errors).map(sectionOf))

  const reloadFor = (err: unknown) => {
    if (reloading.current) return
    reloading.current = true
    toast.error(err)
    onReload()
  }

  const doSave = async (): Promise<boolean> => {
    if (!dirty.current) return true
    dirty.current = false
    try {
      const res = await call(ParkingContract, 'saveDraft', {
        projectId,
        editionId: edition.current.id,
        version: edition.current.version,
        form: forSave(draftRef.current),
        step: stepRef.current,
      })
      edition.current = { id: res.editionId, version: res.version, number: res.edition }
      setEditionNo(res.edition)
      setSavedAt(res.updatedAt)
      setSaveState(dirty.current ? 'saving' : 'saved')
      return true
    } catch (err) {
      dirty.current = true
      setSaveState('failed')
      const code = err instanceof AppError ? err.code : null
      if (code === 'CONFLICT' || code === 'INVALID_STATE' || code === 'NOT_FOUND') reloadFor(err)
      else refreshOnAccessError(err)
      return false
    }
  }

  const save = (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const run = chain.current.then(doSave)
    chain.current = run
    return run
  }

  const changed = (next: ParkingDraft) => {
    draftRef.current = next
    setDraftState(next)
    setServerErrors({})
    dirty.current = true
    setSaveState('saving')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), SAVE_DEBOUNCE_MS)
  }

  const setField = (path: string, value: unknown) => changed(setAt(draftRef.current, path, value))

  const setNumber = (path: string, text: string) => {
    setRaw((r) => ({ ...r, [path]: text }))
    const n = parseNumber(text)
    setField(path, Number.isNaN(n) ? null : n)
  }

  const goTo = (n: number) => {
    if (n === stepRef.current) return
    stepRef.current = n
    setStepState(n)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    // The step is kept with the draft (another phone opens the same one).
    if (edition.current.id) {
      dirty.current = true
      void save()
    }
  }

  // Leaving with changes still waiting for their pause: save them now.
  useEffect(
    () => () => {
      if (dirty.current) void save()
    },
    // Once, on unmount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  /** Shows the first wrong field: its step, scrolled to, named in a toast. */
  const showFirst = (found: Record<string, string>) => {
    const [path] = Object.keys(found)
    if (!path) return
    goTo(sectionOf(path))
    setTimeout(() => {
      void Taro.pageScrollTo({
        selector: `#${anchorOf(path.split('.').slice(0, 2).join('.'))}`,
        offsetTop: -96,
        duration: 200,
      }).catch(() => undefined)
    }, 80)
    const message = found[path]
    // The whole message is under the field; a toast names the field (and a short reason).
    toast.info(message.length <= 12 ? `${labelOf(path)}：${message}` : `请修改：${labelOf(path)}`)
  }

  const submit = async () => {
    if (busy) return
    // Inside the tap, before any await: WeChat asks about the result notice only then.
    if (!manager) askForNotices([session.subscribe.reviewResult])
    setChecked(true)
    const found = { ...validateParking(draftRef.current, today), ...typingErrors }
    if (Object.keys(found).length > 0) {
      const order = PARKING_FIELDS.map((f) => f.path)
      const rank = (k: string) => order.findIndex((p) => k === p || k.startsWith(`${p}.`))
      showFirst(Object.fromEntries(Object.entries(found).sort(([a], [b]) => rank(a) - rank(b))))
      return
    }
    const ok = await ask({
      title: `提交第${edition.current.number}版`,
      content: manager
        ? '提交后生成公示单，您可以立即发布。确定提交？'
        : '提交后生成公示单，由项目负责人发布；发布或取消前不能修改。确定提交？',
      confirmText: '提交',
    })
    if (!ok) return
    setBusy(true)
    try {
      if (!edition.current.id) dirty.current = true
      if (!(await save())) return
      const v = edition.current.version
      const requestId = request.current?.version === v ? request.current.id : newRequestId()
      request.current = { version: v, id: requestId }
      const done = await call(ParkingContract, 'submit', {
        projectId,
        editionId: edition.current.id!,
        version: v,
        form: forSave(draftRef.current),
        requestId,
      })
      request.current = null
      toast.success('已提交')
      void Taro.redirectTo({ url: `/pages/parking/sheet/index?editionId=${done._id}&submitted=1` })
    } catch (err) {
      const fields = err instanceof AppError ? (err.fields ?? {}) : {}
      const mine = Object.entries(fields).filter(([k]) => k.startsWith('form.'))
      if (mine.length > 0) {
        const mapped = Object.fromEntries(mine.map(([k, m]) => [k.slice('form.'.length), m]))
        setServerErrors(mapped)
        showFirst(mapped)
      } else if (
        err instanceof AppError &&
        ['CONFLICT', 'INVALID_STATE', 'NOT_FOUND'].includes(err.code)
      ) {
        reloadFor(err)
      } else if (!refreshOnAccessError(err)) {
        // NETWORK and the like: the same request id goes again on the next tap.
        toast.error(err)
      }
    } finally {
      setBusy(false)
    }
  }

  // ── fields ─────────────────────────────────────────────────────────────────────────────

  const field = (
    path: string,
    label: string,
    control: React.ReactNode,
    o: { hint?: string; required?: boolean; count?: { value: string; max: number } } = {},
  ) => (
    <View id={anchorOf(path)} key={path} className="pk-field">
      <FormField
        name={`pk-${path}`}
        label={label}
        required={o.required ?? true}
        hint={o.hint}
        error={errors[path]}
        count={o.count}
      >
        {control}
      </FormField>
    </View>
  )

  const num = (path: string, label: string, o: { hint?: string; unit?: string } = {}) =>
    field(
      path,
      label,
      <View className="pk-control">
        <Input
          className={`pk-input pk-input--${anchorOf(path)}`}
          name={path}
          type={path === 'cards.monthlyFee' ? 'digit' : 'number'}
          value={raw[path] ?? ''}
          placeholder={path === 'cards.monthlyFee' ? '免费请填0' : '没有请填0'}
          onInput={(e) => setNumber(path, e.detail.value)}
        />
        {o.unit ? <Text className="pk-unit">{o.unit}</Text> : null}
      </View>,
      o,
    )

  const text = (
    path: string,
    label: string,
    max: number,
    o: { hint?: string; placeholder?: string; long?: boolean; required?: boolean } = {},
  ) => {
    const value = (getAt(draft, path) as string | null) ?? ''
    return field(
      path,
      label,
      o.long ? (
        <Textarea
          className={`pk-textarea pk-input--${anchorOf(path)}`}
          value={value}
          maxlength={NO_MAXLENGTH}
          autoHeight
          placeholder={o.placeholder ?? `请填写${label}`}
          onInput={(e) => setField(path, e.detail.value)}
        />
      ) : (
        <View className="pk-control">
          <Input
            className={`pk-input pk-input--${anchorOf(path)}`}
            name={path}
            value={value}
            maxlength={NO_MAXLENGTH}
            placeholder={o.placeholder ?? `请填写${label}`}
            onInput={(e) => setField(path, e.detail.value)}
          />
        </View>
      ),
      { ...o, count: { value, max } },
    )
  }

  const date = (path: string, label: string) => {
    const value = (getAt(draft, path) as string | null) ?? ''
    return field(
      path,
      label,
      <Picker
        mode="date"
        value={value || '2015-01-01'}
        start="1980-01-01"
        end={today}
        onChange={(e) => setField(path, e.detail.value)}
      >
        <View
          className={`pk-picker${value ? '' : ' pk-picker--empty'}`}
          data-testid={`date-${path}`}
        >
          {value || '请选择日期'}
        </View>
      </Picker>,
    )
  }

  const chips = <V extends string | boolean>(
    path: string,
    label: string,
    options: readonly (readonly [V, string])[],
    o: { multi?: boolean; clearable?: boolean; hint?: string; required?: boolean } = {},
  ) => {
    const value = getAt(draft, path) as V | V[] | null | undefined
    const on = (v: V) => (o.multi ? ((value as V[] | null) ?? []).includes(v) : value === v)
    const tap = (v: V) => {
      if (o.multi) {
        const list = (value as V[] | null) ?? []
        setField(path, on(v) ? list.filter((x) => x !== v) : [...list, v])
      } else if (on(v)) {
        if (o.clearable) setField(path, null)
      } else setField(path, v)
    }
    return field(
      path,
      label,
      <View className="pk-chips">
        {options.map(([v, text]) => (
          <View
            key={String(v)}
            className={`pk-chip${on(v) ? ' pk-chip--on' : ''}`}
            data-testid={`chip-${path}-${String(v)}`}
            data-on={on(v) ? 'true' : 'false'}
            onClick={() => tap(v)}
          >
            {text}
          </View>
        ))}
      </View>,
      o,
    )
  }

  // ── the steps ──────────────────────────────────────────────────────────────────────────

  const lines = sumLines(draft)
  const perHome = spacesPerHome(draft)
  const shared = draft.sharedLand ?? {}
  const relief = draft.relief ?? {}

  const sections = [
    () => (
      <>
        {date('landTransferDate', '土地出让时间')}
        {date('earliestPresaleDate', '房屋最早预售时间')}
      </>
    ),
    () => (
      <>
        {num('homes', '房屋总套数', { unit: '套' })}
        {num('counts.total', '车位总数', { unit: '个' })}
        <View className="pk-group" data-testid="group-planned">
          {num('counts.planned', '规划落地车位数', { unit: '个' })}
          {num('counts.added', '新增车位数', { unit: '个' })}
          <SumCheck line={lines[0]} />
        </View>
        <View className="pk-group" data-testid="group-fixed">
          {num('counts.fixed', '固定车位数', { unit: '个' })}
          {num('counts.nonFixed', '非固定车位数', { unit: '个' })}
          <SumCheck line={lines[1]} />
        </View>
        <View className="pk-group" data-testid="group-underground">
          {num('counts.underground', '地下车位数', { unit: '个' })}
          {num('counts.aboveGround', '非地下车位数', { unit: '个' })}
          <SumCheck line={lines[2]} />
        </View>
        <View className="pk-derived" data-testid="per-home">
          <Text>
            户均车位数：
            {perHome === null
              ? '填写车位总数和房屋总套数后计算'
              : `${perHome}（车位总数 ÷ 房屋总套数）`}
          </Text>
        </View>
        {num('sharedLand.spaces', '占用业主共有道路或场地的车位数', {
          unit: '个',
          hint: '这些车位的收益依法归全体业主所有',
        })}
        {(shared.spaces ?? 0) > 0
          ? chips(
              'sharedLand.incomeTo',
              '其收益归属',
              Object.entries(INCOME_RECIPIENTS) as [IncomeRecipient, string][],
            )
          : null}
        {(shared.spaces ?? 0) > 0 && shared.incomeTo && shared.incomeTo !== 'allOwners'
          ? text('sharedLand.note', '收益归属说明', TEXT_MAX.note, {
              long: true,
              placeholder: '请说明收益归属及依据',
            })
          : null}
      </>
    ),
    () => (
      <>
        {text('managementUnit', '停车管理单位', TEXT_MAX.unit)}
        {num('cards.issued', '已办理停车卡数', { unit: '张' })}
        {num('cards.monthlyFee', '月卡收费标准', { unit: '元/月' })}
        {text('cards.tempFee', '临时停车收费标准', TEXT_MAX.fee, {
          placeholder: '如：首小时5元，之后每小时2元',
        })}
        {text('cards.howToApply', '停车卡办理方式', TEXT_MAX.apply, {
          long: true,
          placeholder: '办理地点、所需材料、办理时间',
        })}
      </>
    ),
    () => (
      <>
        {num('chargers.count', '充电桩数量', { unit: '个' })}
        {text('chargers.builder', '建设单位', TEXT_MAX.unit, { hint: '没有请填写“无”' })}
        {text('chargers.operator', '运营维保单位', TEXT_MAX.unit, { hint: '没有请填写“无”' })}
      </>
    ),
    () => (
      <>
        <View className="pk-note">
          近期没有车位纠纷可不填；有则先选择纠纷类型，再填写纠纷情况。
        </View>
        {chips(
          'dispute.type',
          '纠纷类型',
          DISPUTE_TYPES.map((t) => [t, t] as const),
          { clearable: true, required: false },
        )}
        {text('dispute.text', '纠纷情况', TEXT_MAX.dispute, {
          long: true,
          required: !!draft.dispute?.type,
          placeholder: '纠纷的时间、涉及车位及处理情况',
        })}
      </>
    ),
    () => (
      <>
        {chips('relief.adopted', '是否采取缓解停车措施', [
          [true, '是'],
          [false, '否'],
        ] as const)}
        {relief.adopted
          ? chips(
              'relief.measures',
              '已采取的措施（可多选）',
              RELIEF_MEASURES.map((m) => [m, m] as const),
              { multi: true },
            )
          : null}
        {relief.adopted
          ? text('relief.note', '措施说明', TEXT_MAX.note, {
              long: true,
              required: (relief.measures ?? []).includes('其他措施'),
              placeholder: '选择“其他措施”时请说明',
            })
          : null}
      </>
    ),
  ]

  // 否 takes its measures away (the function refuses 否 with measures).
  useEffect(() => {
    if (relief.adopted === false && (relief.measures ?? []).length > 0) {
      setField('relief.measures', [])
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [relief.adopted])

  const errorCount = Object.keys(errors).length
  const [firstError] = Object.keys(errors)
  const saveText =
    saveState === 'saving'
      ? '保存中…'
      : saveState === 'failed'
        ? '保存失败 · 点击重试'
        : saveState === 'saved' && savedAt
          ? `已保存 ${shortTime(savedAt)}`
          : '填写后自动保存'

  return (
    <View className="pk-form" data-testid="parking-form" data-step={step}>
      <View className="pk-form__head card">
        <View className="pk-form__title-row">
          <Text className="pk-form__title">第{editionNo}版 · 草稿</Text>
          <Text
            className={`pk-save pk-save--${saveState}`}
            data-testid="save-state"
            data-state={saveState}
            onClick={
              saveState === 'failed'
                ? () => {
                    dirty.current = true
                    void save()
                  }
                : undefined
            }
          >
            {saveText}
          </Text>
        </View>
        {current.published ? (
          <Text className="pk-form__sub">
            第{current.published.edition}版仍在公示，本版发布后替换它
          </Text>
        ) : null}
      </View>

      <View className="pk-steps" data-testid="parking-steps">
        {PARKING_SECTIONS.map((title, i) => (
          <View
            key={title}
            className={`pk-steps__item${i === step ? ' pk-steps__item--on' : ''}${errorSections.has(i) ? ' pk-steps__item--error' : ''}`}
            data-testid={`step-${i}`}
            data-on={i === step ? 'true' : 'false'}
            onClick={() => goTo(i)}
          >
            <Text className="pk-steps__no">{i + 1}</Text>
            <Text className="pk-steps__name">{STEP_NAMES[i]}</Text>
          </View>
        ))}
      </View>

      {errorCount > 0 ? (
        <View className="pk-errors" data-testid="form-errors" onClick={() => showFirst(errors)}>
          <Text>
            还有{errorCount}处需要修改，第一处：{labelOf(firstError)}（第{sectionOf(firstError) + 1}
            步）
          </Text>
        </View>
      ) : null}

      <View className="card pk-section" data-testid={`section-${step}`}>
        <Text className="card__title">
          {step + 1}. {PARKING_SECTIONS[step]}
        </Text>
        {sections[step]()}
      </View>

      <View className="pk-actions">
        {step > 0 ? (
          <View className="pk-actions__btn">
            <AtButton onClick={() => goTo(step - 1)}>上一步</AtButton>
          </View>
        ) : null}
        {step < PARKING_SECTIONS.length - 1 ? (
          <View className="pk-actions__btn" data-testid="next-step">
            <AtButton type="primary" onClick={() => goTo(step + 1)}>
              下一步
            </AtButton>
          </View>
        ) : null}
        <View className="pk-actions__btn pk-submit" data-testid="submit-parking">
          <AtButton
            type={step === PARKING_SECTIONS.length - 1 ? 'primary' : 'secondary'}
            loading={busy}
            disabled={busy}
            onClick={() => void submit()}
          >
            提交
          </AtButton>
        </View>
      </View>
      {dialog}
    </View>
  )
}
