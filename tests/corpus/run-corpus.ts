/**
 * Plays each message of a corpus (one JSON object per line, see tests/corpus/README.md) through the
 * message path — intent, routes, guards, handlers — over in-memory repositories, in a village world:
 * 张秀英 of 白庙村 has logged 刘翠花, 李梅, 张桂兰, 王秀兰 (representatives), 王建国家 (a poor family) and
 * 阳光妈妈互助会 earlier this year, and notices 3 (last week) and 5 (this morning) reached her group.
 * Where a record is expected and the bot asks, she answers "1" once; otherwise she answers nothing.
 */
import { readFileSync } from 'node:fs'
import { createHandlerHarness, type HandlerHarness } from '../support/handler-harness'
import type { LedgerItem } from '../../src/domain/ledger'
import { formatDate, toLocal } from '../../src/domain/zoned-time'
import { targetOfContact } from '../../src/domain/send-target'

export interface CorpusLine {
  id: string
  category: string
  where: 'private' | 'group' | 'constituents-group' | 'voice' | 'voice-group'
  text: string
  /** Who wrote it: 张秀英 (the default), or a woman of the constituents' group who is not on the roster. */
  from?: 'executive' | 'constituent'
  now?: string
  expect:
    | { records: { item: string; name?: string; date?: string }[] }
    | { receipt: number }
    | { query: 'progress' | 'records' | 'help' }
    | { undo: true }
    | { nothing: true }
    | { noRecord: true }
  note?: string
}

export interface Outcome {
  line: CorpusLine
  /** The expected outcome was reached, with at most one "1". */
  right: boolean
  /** A record was made that she did not ask for and did not confirm. */
  wrongUnconfirmed: boolean
  /** A record was made after her "1" that was not what she meant. */
  wrongConfirmed: boolean
  /** The bot asked to record something where nothing was to be recorded (harmless: she ignores it). */
  needlessQuestion: boolean
  got: string
  replies: string[]
}

const EXEC = '白庙村执委工作交流群'
const PUBLIC = '白庙村联系群众群'
const ME = '张秀英'
/** A woman of 白庙村's constituents' group: not on the roster. */
const CONSTITUENT = '李大姐'
const KNOWN: [string, string][] = [
  ['representatives', '刘翠花'],
  ['representatives', '李梅'],
  ['representatives', '张桂兰'],
  ['representatives', '王秀兰'],
  ['poorFamily', '王建国家'],
  ['socialOrg', '阳光妈妈互助会'],
]

export function readCorpus(path: string): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLine)
}

async function world(now: Date): Promise<{ h: HandlerHarness; memberId: string; noticeIds: Map<number, string> }> {
  const h = createHandlerHarness({ at: now.toISOString() })
  const people = await h.roster([
    { name: '许干部', role: 'admin', org: '白庙村' },
    { name: ME, role: 'executive', org: '白庙村' },
  ])
  await h.bindGroup(EXEC, 'executive', '白庙村')
  await h.bindGroup(PUBLIC, 'constituent', '白庙村')
  const me = people[ME]!
  await h.repos.members.bindContact(me.id, h.contactId(ME), now)
  for (const [i, [kind, subject]] of KNOWN.entries()) {
    const id = `seed-${i}`
    const add = {
      id,
      kind: kind as LedgerItem['kind'],
      subject,
      key: subject,
      date: '2026-03-0' + (i + 1),
      at: Date.parse('2026-03-01') + i,
    }
    await h.repos.progress.record(me, 2026, { key: id, by: 'seed', messageId: id, change: { add } }, now)
  }
  const noticeIds = new Map<number, string>()
  const ages = [40, 30, 8, 2, 0] // days before now: notice 3 last week, notice 5 this morning
  for (const [i, days] of ages.entries()) {
    const createdAt = new Date(now.getTime() - days * 86_400_000 - 3_600_000)
    const toExec = i + 1 === 3 || i + 1 === 5
    const { notice } = await h.repos.notices.create({
      orgId: me.orgId,
      audience: toExec ? 'executive' : 'constituent',
      content: `通知${i + 1}`,
      createdBy: people['许干部']!.id,
      createdAt,
      sourceMessageId: `notice-${i + 1}`,
      roomIds: [h.roomId(toExec ? EXEC : '别的村群众群')],
      executiveIds: toExec ? [me.id] : [],
      followUpAt: createdAt,
    })
    noticeIds.set(notice.number, notice.id)
  }
  h.take()
  return { h, memberId: me.id, noticeIds }
}

async function send(h: HandlerHarness, line: CorpusLine, text: string, privately = false): Promise<void> {
  const room = privately
    ? undefined
    : line.where === 'group' || line.where === 'voice-group'
      ? EXEC
      : line.where === 'constituents-group'
        ? PUBLIC
        : undefined
  const from = line.from === 'constituent' && !privately && text === line.text ? CONSTITUENT : ME
  const msg = h.message({ from, text, room })
  const voice = (line.where === 'voice' || line.where === 'voice-group') && text === line.text
  await h.handle(voice ? { ...msg, kind: 'voice' } : msg)
}

/**
 * What the bot sent her privately through the send queue (a question about a report she posted in the
 * group without @): delivered here as the queue worker would, so she can read it and answer in private.
 */
async function privateMessages(h: HandlerHarness, now: Date): Promise<string[]> {
  const out: string[] = []
  for (;;) {
    const item = await h.repos.outbox.nextCandidate(now, 'corpus')
    if (!item || !(await h.repos.outbox.claim(item, now))) break
    await h.repos.outbox.markSent(item.id, now, 'corpus')
    if (item.target === targetOfContact(h.contactId(ME))) out.push(item.text)
  }
  return out
}

/**
 * Her year's records, and the needs of her unit that a constituent raised (they are in the needs ledger
 * of the executives who serve her group, DOMAIN.md, nobody's until one of them takes it).
 */
async function items(h: HandlerHarness, memberId: string): Promise<LedgerItem[]> {
  const raised = (await h.repos.needs.list(undefined)).filter((n) => n.asker && !n.memberId)
  return [
    ...(await h.repos.progress.ledger(memberId, 2026)),
    ...(await h.repos.progress.ledger(memberId, 2027)),
    ...(await h.repos.progress.ledger(memberId, 2025)),
    ...raised.map((n) => ({ id: n.id, kind: 'need' as const, subject: `${n.number}号`, date: n.date, at: 0 })),
  ]
}

const SUBJECT_KINDS = new Set(['representatives', 'poorFamily', 'problemSolved', 'socialOrg'])
/** An expected record without a name (an organisation the writer did not name) matches any name: `:*`. */
const describe = (i: { kind: string; subject?: string; date: string }) =>
  `${i.kind}${SUBJECT_KINDS.has(i.kind) ? `:${i.subject ?? '*'}` : ''}${i.kind === 'need' ? '' : `@${i.date}`}`
const ANY_NAME = /:\*@/
/** Made records as the expectation names them: where it gave no name, the made record's name is not compared. */
function asExpected(made: string[], want: string[]): string[] {
  const open = want.filter((w) => ANY_NAME.test(w))
  return made.map((m) => {
    const general = m.replace(/:[^@]*@/, ':*@')
    const i = open.indexOf(general)
    if (i < 0 || want.includes(m)) return m
    open.splice(i, 1)
    return general
  })
}

export async function playLine(line: CorpusLine): Promise<Outcome> {
  const now = new Date(line.now ?? '2026-11-23T10:00:00+08:00')
  const today = formatDate(toLocal(now, 'Asia/Shanghai'))
  const { h, memberId, noticeIds } = await world(now)
  const before = new Set((await items(h, memberId)).map((i) => i.id))
  const acksBefore = await Promise.all([...noticeIds.values()].map((id) => h.repos.notices.acksOf(id)))
  await send(h, line, line.text)
  const inGroup = h.take().map((r) => r.text)
  const privately = await privateMessages(h, now)
  const first = [...inGroup, ...privately]
  const madeNow = (await items(h, memberId)).filter((i) => !before.has(i.id))
  const asked = first.some((t) => /^回复 1 /m.test(t))
  const e = line.expect
  const wantsChange = 'records' in e || 'undo' in e
  // A question about a group message comes privately, and she answers it there, as she would.
  const askedPrivately = privately.some((t) => /^回复 1 /m.test(t))
  if (asked && wantsChange) await send(h, line, '1', askedPrivately)
  const replies = [...first, ...h.take().map((r) => r.text)]
  const after = await items(h, memberId)
  const wanted =
    'records' in e
      ? e.records.map((r) => describe({ kind: r.item, subject: r.name, date: r.date ?? today })).sort()
      : []
  const made = asExpected(after.filter((i) => !before.has(i.id)).map(describe), wanted).sort()
  const undone = before.size - after.filter((i) => before.has(i.id)).length
  const acked = (
    await Promise.all(
      [...noticeIds.entries()].map(async ([n, id], k) =>
        (await h.repos.notices.acksOf(id)).length > acksBefore[k]!.length ? [n] : [],
      ),
    )
  ).flat()

  const got =
    [
      made.length ? made.join(' + ') : '',
      undone ? `undo:${undone}` : '',
      acked.length ? `receipt:${acked.join(',')}` : '',
    ]
      .filter(Boolean)
      .join(' | ') || (replies.length ? 'answered' : 'silent')
  const want = wanted
  let right: boolean
  if ('records' in e) {
    right = JSON.stringify(want) === JSON.stringify(made) && undone === 0
  } else if ('receipt' in e) right = made.length === 0 && acked.length === 1 && acked[0] === e.receipt
  else if ('undo' in e) right = undone === 1 && made.length === 0
  else if ('query' in e) {
    // A past year's progress is titled 全年履职情况 (progress-handler), this year's 履职进度.
    const says = { progress: /履职进度|全年履职情况/, records: /的记录|还没有记录/, help: /我是妇联助手|^用法：/m }[
      e.query
    ]
    right = made.length === 0 && replies.some((r) => says.test(r))
  } else if ('nothing' in e) right = made.length === 0 && acked.length === 0 && undone === 0 && replies.length === 0
  else right = made.length === 0 && undone === 0
  // A record written before she confirmed anything that she did not mean (missing ones only make the line not right).
  const wrongUnconfirmed = asExpected(madeNow.map(describe), want).some((d) => !want.includes(d))
  return {
    line,
    right,
    wrongUnconfirmed: wrongUnconfirmed || (!wantsChange && made.length > 0),
    wrongConfirmed: wantsChange && asked && !right && made.length > 0,
    needlessQuestion: !wantsChange && asked,
    got,
    replies,
  }
}

export interface CategoryReport {
  category: string
  messages: number
  right: number
  wrongUnconfirmed: number
  wrongConfirmed: number
  needlessQuestions: number
}

export function report(outcomes: Outcome[]): CategoryReport[] {
  const categories = [...new Set(outcomes.map((o) => o.line.category))]
  const rows = categories.map((category) => {
    const mine = outcomes.filter((o) => o.line.category === category)
    return {
      category,
      messages: mine.length,
      right: mine.filter((o) => o.right).length,
      wrongUnconfirmed: mine.filter((o) => o.wrongUnconfirmed).length,
      wrongConfirmed: mine.filter((o) => o.wrongConfirmed).length,
      needlessQuestions: mine.filter((o) => o.needlessQuestion).length,
    }
  })
  const sum = (k: keyof Omit<CategoryReport, 'category'>) => rows.reduce((s, r) => s + r[k], 0)
  return [
    ...rows,
    {
      category: 'all',
      messages: sum('messages'),
      right: sum('right'),
      wrongUnconfirmed: sum('wrongUnconfirmed'),
      wrongConfirmed: sum('wrongConfirmed'),
      needlessQuestions: sum('needlessQuestions'),
    },
  ]
}
