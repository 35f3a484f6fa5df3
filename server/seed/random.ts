/**
 * Helpers of the read-mostly modules' demo data (project, funds, transfers, credit): a seeded
 * random source, so the same data comes out on every start, Chinese names, and dates in China
 * Standard Time relative to the seed's `now`.
 */
import { cstDate } from '../../types/display'

export const DAY = 86_400_000
const CST = 8 * 3600_000

export interface Random {
  /** [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32: small, fast, good enough for demo data. */
export function random(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  }
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余叶杜苏魏程吕丁沈钟',
]
const GIVEN = [
  ...'伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉萍红梅鑫建国志斌文辉宇浩凯婷雪琳晨阳燕兰飞峰海波亮佳欣怡嘉俊思源子涵振宏丹',
]

/** A plausible Chinese name (two or three characters). */
export function personName(r: Random): string {
  const given = r.chance(0.7) ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN)
  return r.pick(SURNAMES) + given
}

/** A mainland mobile number. */
export function mobile(r: Random): string {
  return `1${r.pick(['35', '36', '37', '38', '39', '50', '58', '59', '86', '88', '89'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`
}

/** A Shenzhen resident ID number (4403…), with a valid check digit. */
export function idNo(r: Random, born: string): string {
  const region = r.pick(['440301', '440303', '440304', '440305', '440306', '440307', '440309'])
  const body = `${region}${born.replace(/-/g, '')}${String(r.int(0, 999)).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** A birth date between 1960 and 1998. */
export function birthDate(r: Random): string {
  return `${r.int(1960, 1998)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
}

/** The date (CST) `days` before `now`. */
export function daysAgo(now: number, days: number): string {
  return cstDate(now - days * DAY)
}

/** Start (epoch ms) of the CST month `back` months before the one holding `now`. */
export function monthStart(now: number, back: number): number {
  const d = new Date(now + CST)
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth() - back
  return Date.UTC(Math.floor(month / 12), month % 12, 1) - CST
}

/** A time on day `day` (1-based) of the month starting at `start`, during office hours. */
export function dayOf(start: number, day: number, r: Random): number {
  return start + (day - 1) * DAY + r.int(9 * 60, 17 * 60) * 60_000 + r.int(0, 59_999)
}
