import type { Member } from '../../src/domain/entities'
import type { Action } from '../../src/domain/proposal'
import type { ChecklistItem } from '../../src/domain/checklist'
import { formatDate } from '../../src/domain/zoned-time'
import { findDate } from '../../src/nl/find-date'
import type { MessageContext } from './message-context'
import { herChecklist } from './her-checklist'

export type AddedReading =
  | { type: 'action'; action: Extract<Action, { do: 'added' }> }
  /** An item counted by names (联系单位): a sentence does not say which, so she is asked to write it. */
  | { type: 'needsName'; label: string; word: string }
  | { type: 'badDate'; reason: 'future' | 'vagueDate' | 'badDate' | 'pastYear'; phrase: string }

/**
 * "今天参加了村妇联议事会", "上午下基层走访了三户": a sentence the reader found nothing in, that names an
 * item her unit added (by its name or a command word). Only ever proposed (she confirms with 1), so a
 * word met by chance costs one question, never a record.
 */
export async function readAdded(ctx: MessageContext, member: Member, text: string): Promise<AddedReading | undefined> {
  const item = (await addedNamed(ctx, member, text))?.item
  if (!item) return undefined
  if (item.rule === 'distinct') return { type: 'needsName', label: item.label, word: item.words![0]! }
  const found = findDate(text, ctx.today)
  if (found && !found.ok) {
    const reason = ({ future: 'future', vague: 'vagueDate', invalid: 'badDate', pastYear: 'pastYear' } as const)[
      found.problem
    ]
    return { type: 'badDate', reason, phrase: found.phrase }
  }
  const date = found?.ok ? found.date : ctx.today
  return {
    type: 'action',
    action: { do: 'added', item: item.key, label: item.label, subject: '', date: formatDate(date) },
  }
}

/** The added item whose name or command word the text contains, and where. */
export async function addedNamed(
  ctx: MessageContext,
  member: Member,
  text: string,
): Promise<{ item: ChecklistItem; at: number; length: number } | undefined> {
  const lower = text.toLowerCase()
  for (const item of await herChecklist(ctx, member.orgId))
    for (const w of item.words ? [item.label, ...item.words] : []) {
      const at = lower.indexOf(w.toLowerCase())
      if (at >= 0) return { item, at, length: w.length }
    }
  return undefined
}

/**
 * "今天联系单位了" read as a representative called 「单位了」: a name the reader found inside the words of
 * an item her unit added is that item, not a person.
 */
export async function readInsideAdded(
  ctx: MessageContext,
  member: Member,
  text: string,
  subjects: readonly string[],
): Promise<boolean> {
  const named = await addedNamed(ctx, member, text)
  if (!named) return false
  return subjects.some((s) => {
    const at = s ? text.indexOf(s) : -1
    return at >= 0 && at < named.at + named.length && at + s.length > named.at
  })
}
