import { formatDate, parseIsoDate, type LocalDate } from '../../src/domain/zoned-time'
import {
  checklistItem,
  itemWithSubject,
  labelWithSubject,
  type ChecklistItem,
  type DutyKind,
} from '../../src/domain/checklist'
import type { ProgressCounts } from '../../src/domain/progress'
import { herChecklist } from './her-checklist'
import { evaluateProgress, subjectKey } from '../../src/domain/progress'
import { formatItemLine } from '../../src/domain/format-progress'
import { maskSensitive } from '../../src/domain/mask-sensitive'
import type { Member } from '../../src/domain/entities'
import type { LedgerItem } from '../../src/domain/ledger'
import type { MessageContext } from './message-context'
import { describeDate } from './dates'
import type { NewEvent, Recorded } from '../../src/repos/progress-repo'

/** The waiting question a record answers, taken once: the record takes it away in the same write. */
export function takeQuestion(ctx: MessageContext): { consumes?: string } {
  const consumes = ctx.consume
  ctx.consume = undefined
  return consumes ? { consumes } : {}
}

/**
 * One change to her year under `key`, as this message's claim (another delivery finds it). It answers
 * the question she replied to, if any, unless `answers` is false (an edit answers none).
 */
export async function writeChange(
  ctx: MessageContext,
  member: Member,
  year: number,
  key: string,
  event: Pick<NewEvent, 'change' | 'text' | 'note'>,
  answers = true,
): Promise<Recorded> {
  const recorded = await ctx.repos.progress.record(
    member,
    year,
    { key, by: ctx.deps.instance, messageId: ctx.msg.id, ...event, ...(answers ? takeQuestion(ctx) : {}) },
    ctx.now,
  )
  ctx.claimRecord({ created: recorded.created, by: recorded.event.by })
  return recorded
}

/**
 * Records one item for her under `key` (from the message, or the question she answered) and returns
 * the lines that tell her so. The record is the message's claim: another delivery finds it.
 */
export async function recordDuty(
  ctx: MessageContext,
  member: Member,
  input: { kind: DutyKind; subject: string; date: LocalDate; text?: string | null; unlisted?: true },
  key: string,
): Promise<string[]> {
  const subject = maskSensitive(input.subject)
  const sk = subjectKey(subject)
  const extra = input.unlisted ? { unlisted: true as const } : {}
  const recorded = await addItem(
    ctx,
    member,
    key,
    { kind: input.kind, subject, date: input.date, ...extra },
    input.text,
  )
  const item = checklistItem(input.kind)
  const repeat = item.distinct && recorded.items.some((i) => i.kind === input.kind && i.key === sk && i.id !== key)
  const lines = [`✏️ 已记录：${itemWithSubject(input.kind, subject)}（${describeDate(input.date, ctx.today)}）`]
  if (repeat) lines.push(`「${subject}」今年已记过，仍按 1 个计算。`)
  return [...lines, ...(await standingLines(ctx, member, input.kind, recorded.counts, input.date, repeat))]
}

/** Adds one item to her year under `key` (the record is the message's claim) and marks the claim. */
async function addItem(
  ctx: MessageContext,
  member: Member,
  key: string,
  item: Pick<LedgerItem, 'kind' | 'subject' | 'item' | 'unlisted'> & { subject: string; date: LocalDate },
  text: string | null | undefined,
) {
  const { date, ...rest } = item
  return writeChange(ctx, member, date.year, key, {
    change: {
      add: { id: key, ...rest, key: subjectKey(item.subject), date: formatDate(date), at: ctx.now.getTime() },
    },
    text: text ? maskSensitive(text) : null,
  })
}

/** Where she stands on the item after a record, by her unit's checklist (its target, or its absence). */
async function standingLines(
  ctx: MessageContext,
  member: Member,
  key: string,
  counts: ProgressCounts,
  date: LocalDate,
  repeat: boolean,
): Promise<string[]> {
  const lines: string[] = []
  if (date.year !== ctx.today.year) lines.push(`这条计入 ${date.year} 年。`)
  const status = evaluateProgress(counts, await herChecklist(ctx, member.orgId)).find((s) => s.key === key)
  if (!status) return [...lines, '（本单位的履职清单里没有这一项，记下了，但不计入完成项数。）']
  lines.push(formatItemLine(status))
  if (status.done && status.count === status.min && !repeat) lines.push('🎉 这一项已达标！')
  return lines
}

/** An item her federation added (#议事 村妇联议事会): recorded like a duty item, counted by its rule. */
export async function recordAdded(
  ctx: MessageContext,
  member: Member,
  input: { item: ChecklistItem; subject: string; date: LocalDate; text?: string | null },
  key: string,
): Promise<string[]> {
  const subject = maskSensitive(input.subject)
  const recorded = await addItem(
    ctx,
    member,
    key,
    { kind: 'added', item: input.item.key, subject, date: input.date },
    input.text,
  )
  const lines = [`✏️ 已记录：${labelWithSubject(input.item.label, subject)}（${describeDate(input.date, ctx.today)}）`]
  // Counted by names or by days: the same name, or a second record of one day, counts once.
  const date = formatDate(input.date)
  const others = recorded.items.filter((i) => i.kind === 'added' && i.item === input.item.key && i.id !== key)
  const repeat =
    (input.item.rule === 'distinct' && others.some((i) => i.key === subjectKey(subject))) ||
    (input.item.rule === 'days' && others.some((i) => i.date === date))
  if (repeat)
    lines.push(
      input.item.rule === 'days' ? '这一天已记过，仍按 1 天计算。' : `「${subject}」今年已记过，仍按 1 个计算。`,
    )
  return [...lines, ...(await standingLines(ctx, member, input.item.key, recorded.counts, input.date, repeat))]
}

/**
 * #改: the record keeps its place, day and id and takes another name; claimed by `key` like any
 * change, so a redelivery changes nothing twice. Answers with where she stands on that item now.
 */
export async function recordEdit(
  ctx: MessageContext,
  member: Member,
  item: LedgerItem,
  written: string,
  key: string,
): Promise<string[]> {
  const subject = maskSensitive(written)
  const date = parseIsoDate(item.date)
  const recorded = await writeChange(
    ctx,
    member,
    date.year,
    key,
    { change: { edit: { id: item.id, subject, key: subjectKey(subject) } } },
    false,
  )
  const itemKey = item.kind === 'added' ? (item.item ?? '') : item.kind
  return standingLines(ctx, member, itemKey, recorded.counts, date, false)
}

/** A women's-situation diary entry; its text is not echoed into the group. */
export async function recordDiary(
  ctx: MessageContext,
  member: Member,
  input: { content: string; date: LocalDate },
  key: string,
): Promise<string[]> {
  const { counts } = await writeChange(ctx, member, input.date.year, key, {
    change: { add: { id: key, kind: 'diary', date: formatDate(input.date), at: ctx.now.getTime() } },
    text: maskSensitive(input.content),
  })
  return [`📓 已记下妇情日记（${describeDate(input.date, ctx.today)}），${input.date.year}年共 ${counts.diary} 篇。`]
}

/** A need in the ledger: numbered; its content is about a constituent, so only private chat echoes it. */
export async function recordNeed(ctx: MessageContext, member: Member, content: string, key: string): Promise<string[]> {
  const inserted = await ctx.repos.needs.open({
    id: key,
    messageId: ctx.msg.id,
    memberId: member.id,
    orgId: member.orgId,
    year: ctx.today.year,
    date: formatDate(ctx.today),
    createdAt: ctx.now,
    by: ctx.deps.instance,
    content: maskSensitive(content),
  })
  ctx.claimRecord({ created: inserted.created, by: inserted.record.by })
  const need = inserted.record
  const item = {
    id: need.id,
    kind: 'need' as const,
    subject: `${need.number}号`,
    date: need.date,
    at: ctx.now.getTime(),
  }
  await ctx.repos.progress.record(
    member,
    need.year,
    {
      key: need.id,
      by: ctx.deps.instance,
      messageId: ctx.msg.id,
      change: { add: { ...item, status: 'open' } },
      ...takeQuestion(ctx),
    },
    ctx.now,
  )
  const echo = ctx.place.type === 'private' ? `：${need.content}` : ''
  return [`📌 已登记需求 ${need.number} 号${echo}`, `办结后发送 #办结 ${need.number}`]
}
