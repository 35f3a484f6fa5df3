import { z } from 'zod'
import { BindingInput } from '../../types/binding'
import {
  charCount,
  fieldErrors,
  isDate,
  isMonth,
  phone,
  personName,
  shortText,
} from '../../types/fields'
import { PermissionsInput } from '../../types/permissions'

describe('shared field rules', () => {
  it.each(['13800138000', '19912345678', ' 13800138000 '])('accepts mainland mobile %s', (p) => {
    expect(phone.safeParse(p).success).toBe(true)
  })
  it.each(['12800138000', '1380013800', '+8613800138000', '138001380000', ''])(
    'refuses %s',
    (p) => {
      const r = phone.safeParse(p)
      expect(r.success).toBe(false)
      if (!r.success) expect(fieldErrors(r.error)._).toBe('请输入正确的中国大陆手机号码')
    },
  )
  it('accepts Chinese names with 间隔号 and refuses markup', () => {
    expect(personName.safeParse('阿依古丽·买买提').success).toBe(true)
    expect(personName.safeParse('<b>王</b>').success).toBe(false)
  })
  it.each(['𠮷野家', 'Mary Ann', 'José Núñez', 'Նարեկ', '王 芳'])('accepts the name %s', (n) => {
    expect(personName.safeParse(n).success).toBe(true)
  })
  it.each(['..', '··', '王..', '·王芳', '王芳·', '王  芳', '𠮷', '王\u0000芳', '12'])(
    'refuses the name %j',
    (n) => {
      expect(personName.safeParse(n).success).toBe(false)
    },
  )
  it.each(['\u0000', '阳光\u0000', '\u202e阳光', 'a\u001bb'])(
    'refuses control characters in a keyword: %j',
    (k) => {
      const r = BindingInput.searchProjects.safeParse({ keyword: k })
      expect(r.success).toBe(false)
      if (!r.success) expect(fieldErrors(r.error).keyword).toBeTruthy()
    },
  )
})

describe('action schemas', () => {
  it('name each bad field in Chinese, including unknown ones', () => {
    const r = BindingInput.submit.safeParse({
      name: 1,
      phone: { $ne: '' },
      category: 'x',
      code: '1',
      requestId: 'short',
      extra: 1,
    })
    expect(r.success).toBe(false)
    if (r.success) return
    expect(fieldErrors(r.error)).toEqual({
      name: '格式不正确',
      phone: '格式不正确',
      category: '请选择人员类别',
      code: '请输入6位数字验证码',
      requestId: '请求编号格式错误',
      extra: '不支持的字段',
    })
  })
  it('names a __proto__ key like any other unknown field', () => {
    const r = BindingInput.searchProjects.safeParse(JSON.parse('{"keyword":"阳光","__proto__":1}'))
    expect(r.success).toBe(false)
    if (r.success) return
    const fields = fieldErrors(r.error)
    expect(Object.keys(fields)).toEqual(['__proto__'])
    expect(Object.values(fields)).toEqual(['不支持的字段'])
  })
  it.each([
    [z.number().finite(), Infinity],
    [z.string().regex(/^a$/), 'b'],
    [z.string().refine(() => false), 'x'],
    [z.union([z.string(), z.number()]), true],
    [z.number().multipleOf(5), 3],
    [z.date(), new Date(NaN)],
    [z.array(z.string()).min(2), ['a']],
    [z.number().int(), 1.5],
  ] as [z.ZodTypeAny, unknown][])('answers %# in Chinese', (schema, value) => {
    const r = schema.safeParse(value)
    expect(r.success).toBe(false)
    if (!r.success) expect(fieldErrors(r.error)._).toMatch(/\p{Script=Han}/u)
  })
  it('refuses duplicate or non-grantable modules', () => {
    const base = { accountId: 'a1', version: 1 }
    expect(
      PermissionsInput.authorize.safeParse({ ...base, modules: ['todos', 'todos'] }).success,
    ).toBe(false)
    expect(
      PermissionsInput.authorize.safeParse({ ...base, modules: ['permissions'] }).success,
    ).toBe(false)
    expect(
      PermissionsInput.authorize.safeParse({ ...base, modules: ['todos', 'funds'] }).success,
    ).toBe(true)
  })
})

describe('dates', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-31', '2000-02-29'])('%s is a day', (d) => {
    expect(isDate(d)).toBe(true)
  })
  it.each(['2026-13-01', '2026-00-10', '2026-02-30', '2025-02-29', '1900-02-29', '2026-4-01', ''])(
    '%j is not a day',
    (d) => {
      expect(isDate(d)).toBe(false)
    },
  )
  it('knows months', () => {
    expect(['2026-01', '2026-12', '2026-00', '2026-13'].map(isMonth)).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})

describe('text limits count characters', () => {
  it('counts code points', () => {
    expect(charCount('𠮷'.repeat(30))).toBe(30)
    expect('𠮷'.repeat(30).length).toBe(60)
    expect(charCount('阳光花园 A座')).toBe(7)
  })
  it('takes 60 characters beyond the BMP in a 60-character title, not 61', () => {
    const title = shortText(60, '标题')
    expect(title.safeParse('𠮷'.repeat(60)).success).toBe(true)
    const r = title.safeParse('𠮷'.repeat(61))
    expect(r.success ? null : fieldErrors(r.error)._).toBe('标题不能超过60个字')
  })
  it.each(['\ud842', '阳光\udfb7', '\udfb7\ud842'])('refuses the lone surrogate in %j', (s) => {
    const r = shortText(60, '标题').safeParse(s)
    expect(r.success ? null : fieldErrors(r.error)._).toBe('标题包含无效字符')
  })
})
