import { deflateSync } from 'node:zlib'
import { chinaDay, dayEnd, DisclosureContract, type Notice } from '../../types/disclosure'

/**
 * 信息公开 demo data: 阳光花园's notices of several categories and every state — in publicity
 * (one with a PDF statement, one with a photo), expired, voided, deleted (only its audit row and
 * the record stay) — and one of 海滨广场's. Attachments live in the local cloud's storage.
 */
const DAY = 86_400_000
const ENV_PREFIX = 'cloud://local-env.local-cloud/'

export const SEED_PDF_PATH = 'disclosure/p-yangguang/seed/2026q3-statement.pdf'
export const SEED_IMAGE_PATH = 'disclosure/p-yangguang/seed/parking-income.png'

/** A one-page PDF with a line of text, written by hand (offsets computed, so readers accept it). */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 60 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A bar chart as a PNG (RGB, no text): one bar per value, scaled to the largest. */
export function barChartPng(values: number[], width = 320, height = 200): Buffer {
  const colours = [
    [24, 144, 255],
    [82, 196, 26],
    [250, 173, 20],
    [245, 34, 45],
  ]
  const max = Math.max(...values, 1)
  const slot = Math.floor(width / values.length)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255)
    row[0] = 0
    for (let x = 0; x < width; x++) {
      const i = Math.floor(x / slot)
      const inBar = i < values.length && x % slot > slot * 0.2 && x % slot < slot * 0.8
      const top = height - 10 - Math.round((values[i] / max) * (height - 30))
      const axis = y === height - 10
      if (axis || (inBar && y >= top && y < height - 10)) {
        const [r, g, b] = axis ? [120, 120, 120] : colours[i % colours.length]
        row[1 + x * 3] = r
        row[2 + x * 3] = g
        row[3 + x * 3] = b
      }
    }
    rows.push(row)
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function notice(
  now: number,
  n: Pick<Notice, '_id' | 'category' | 'title' | 'content'> &
    Partial<Notice> & { publishedDaysAgo: number; validDays: number },
): Notice {
  const { publishedDaysAgo, validDays, ...rest } = n
  const publishedAt = now - publishedDaysAgo * DAY
  const validFrom = chinaDay(publishedAt)
  const validUntil = chinaDay(publishedAt + validDays * DAY)
  return {
    projectId: 'p-yangguang',
    validFrom,
    validUntil,
    expiresAt: dayEnd(validUntil),
    attachments: [],
    status: 'published',
    version: 1,
    publishedAt,
    publishedBy: 'a-li',
    publishedByName: '李晓华',
    updatedAt: publishedAt,
    ...rest,
  }
}

export function seedNotices(now: number, pdf: Buffer, image: Buffer): Notice[] {
  return [
    notice(now, {
      _id: 'n-finance-2026q3',
      category: '财务收支',
      title: '2026年第三季度物业服务费收支情况公示',
      content:
        '根据《深圳经济特区物业管理条例》，现将本小区2026年第三季度物业服务费收支情况公示如下：\n' +
        '收入合计 1,512,300.00 元，支出合计 1,468,950.00 元（人员费用 62%，公共能耗 14%，' +
        '设施设备维护 11%，清洁绿化 9%，其他 4%）。明细见附件，如有疑问请于公示期内向物业服务中心反映。',
      publishedDaysAgo: 0.2,
      validDays: 30,
      attachments: [
        {
          fileID: ENV_PREFIX + SEED_PDF_PATH,
          name: '2026年第三季度收支明细.pdf',
          kind: 'pdf',
          size: pdf.length,
        },
      ],
    }),
    notice(now, {
      _id: 'n-income-2026q3',
      category: '公共收益',
      title: '2026年第三季度公共收益公示',
      content:
        '本季度公共收益合计 86,420.00 元，其中停车场收益 61,800.00 元、广告收益 18,620.00 元、' +
        '场地租赁 6,000.00 元，已全部存入公共收益专户。',
      publishedDaysAgo: 3,
      validDays: 60,
      publishedBy: 'a-zhang',
      publishedByName: '张建国',
      attachments: [
        {
          fileID: ENV_PREFIX + SEED_IMAGE_PATH,
          name: '停车场收益汇总表.png',
          kind: 'image',
          size: image.length,
        },
      ],
    }),
    notice(now, {
      _id: 'n-water-stop',
      category: '通知公告',
      title: '二次供水设施清洗停水通知',
      content: '本周六 9:00-17:00 清洗消毒二次供水水箱，届时1-6栋停水，请提前储水。',
      publishedDaysAgo: 1,
      validDays: 4,
    }),
    notice(now, {
      _id: 'n-fund-wall',
      category: '维修资金使用',
      title: '5栋外墙渗漏维修使用专项维修资金公示',
      content:
        '经业主大会表决通过，5栋外墙渗漏维修工程使用专项维修资金 320,000.00 元，' +
        '施工单位为深圳市建工维修有限公司，工期45天。',
      publishedDaysAgo: 75,
      validDays: 30,
    }),
    notice(now, {
      _id: 'n-standard-2025',
      category: '服务标准',
      title: '2025年度物业服务标准公示',
      content: '本小区执行深圳市住宅物业服务二级标准，保安24小时巡逻，公共区域每日清扫两次。',
      publishedDaysAgo: 200,
      validDays: 400,
      status: 'voided',
      version: 2,
      voidedAt: now - 10 * DAY,
      voidedByName: '张建国',
      voidReason: '已由2026年度服务标准替代',
      updatedAt: now - 10 * DAY,
    }),
    notice(now, {
      _id: 'n-lift-contract',
      category: '合同订立',
      title: '电梯维保合同订立公示（误发）',
      content: '与深圳市某电梯工程有限公司签订电梯维保合同。',
      publishedDaysAgo: 6,
      validDays: 30,
      status: 'deleted',
      version: 2,
      deletedAt: now - 6 * DAY + 3600_000,
      deletedByName: '李晓华',
      updatedAt: now - 6 * DAY + 3600_000,
    }),
    notice(now, {
      _id: 'n-haibin-fee',
      projectId: 'p-haibin',
      category: '收费标准',
      title: '2026年停车服务收费标准公示',
      content: '月卡 480 元/月，临时停车每小时 10 元，24 小时内最高 60 元。',
      publishedDaysAgo: 12,
      validDays: 365,
      publishedBy: 'a-chen',
      publishedByName: '陈志强',
    }),
  ]
}

/** The uploads the seeded attachments came from (the notices own them). */
function seedSlots(now: number, pdf: Buffer, image: Buffer) {
  const slot = (_id: string, path: string, name: string, ext: string, size: number, n: string) => ({
    _id,
    cloudPath: path,
    accountId: 'a-li',
    projectId: 'p-yangguang',
    name,
    ext,
    size,
    received: 1,
    fileID: ENV_PREFIX + path,
    noticeId: n,
    createdAt: now - 3 * DAY,
  })
  return [
    slot(
      'seed-pdf',
      SEED_PDF_PATH,
      '2026年第三季度收支明细.pdf',
      'pdf',
      pdf.length,
      'n-finance-2026q3',
    ),
    slot(
      'seed-png',
      SEED_IMAGE_PATH,
      '停车场收益汇总表.png',
      'png',
      image.length,
      'n-income-2026q3',
    ),
  ]
}

/** The trail of the seeded moves (publication, 作废, 删除). */
function seedAudit(list: Notice[]) {
  return list.flatMap((n) => {
    const base = {
      fn: 'disclosure',
      targetType: 'notice',
      targetId: n._id,
      projectId: n.projectId,
      actorOpenid: '',
    }
    const actor = (name: string) =>
      name === '李晓华'
        ? { actorId: 'a-li', actorName: name, actorRole: 'handler' }
        : {
            actorId: name === '张建国' ? 'a-zhang' : 'a-chen',
            actorName: name,
            actorRole: 'manager',
          }
    /** One move's row, labelled as the function labels it (the contract's audit label). */
    const move = (
      action: 'publish' | 'void' | 'remove',
      by: string,
      at: number | undefined,
      rest: Record<string, unknown>,
    ) => ({
      ...base,
      _id: `au-${n._id}-${action}`,
      action,
      label: DisclosureContract.actions[action].audit,
      ...actor(by),
      at,
      ...rest,
    })
    const { title, category } = n
    const rows: ({ _id: string } & Record<string, unknown>)[] = [
      move('publish', n.publishedByName, n.publishedAt, {
        detail: { title, category, attachments: n.attachments.length },
      }),
    ]
    if (n.status === 'voided') {
      rows.push(
        move('void', n.voidedByName!, n.voidedAt, {
          comment: n.voidReason,
          detail: { title, category },
        }),
      )
    }
    if (n.status === 'deleted') {
      rows.push(
        move('remove', n.deletedByName!, n.deletedAt, {
          detail: { title, category, publishedAt: n.publishedAt },
        }),
      )
    }
    return rows
  })
}

export function disclosureSeed(now: number) {
  const pdf = tinyPdf('Yangguang Garden - 2026 Q3 income and expenses statement')
  const image = barChartPng([61800, 18620, 6000])
  const notices = seedNotices(now, pdf, image)
  return {
    docs: {
      notices,
      notice_uploads: seedSlots(now, pdf, image),
      audit_log: seedAudit(notices),
    },
    files: { [SEED_PDF_PATH]: pdf, [SEED_IMAGE_PATH]: image },
  }
}
