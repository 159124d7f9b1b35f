import type { Reading } from '../../src/nl/read-message'
import type { Member } from '../../src/domain/entities'
import type { Action, Option } from '../../src/domain/proposal'
import type { MessageContext } from './message-context'
import { unlistedNote, unlistedRepresentatives } from './representative-list'
import { actionOf, describeAction } from './actions'
import { vagueDateNote } from './vague-date-note'

type Records = Extract<Reading, { type: 'records' }>

/**
 * The question for what a sentence was read as: one line per item, numbered when there are several
 * (so she can keep some: "1 3", "只记1", "第二个不要"), with how each uncertain part can be changed.
 * Option 1 records the items as read; when a name extends or shortens one she logged (张丽华 after
 * 张丽), option 2 records them under the logged name instead: a different woman is never merged silently.
 */
export async function proposalOf(
  ctx: MessageContext,
  member: Member,
  reading: Records,
  inGroup: boolean,
): Promise<{ lines: string[]; note: string; options: Option[] }> {
  const offList = await unlistedRepresentatives(
    ctx,
    member,
    reading.items.flatMap((i) => (i.kind === 'representatives' ? [i.subject] : [])),
  )
  const mark = (a: Action): Action =>
    a.do === 'duty' && a.kind === 'representatives' && offList.has(a.subject) ? { ...a, unlisted: true as const } : a
  const actions = reading.items.map(actionOf).map(mark)
  const several = actions.length > 1
  const lines = actions.map((a, i) => {
    const item = reading.items[i]!
    const vague = 'vague' in item && item.vague ? vagueDateNote(item.vague, ctx.today) : ''
    return `${several ? `${i + 1}. ` : ''}${describeAction(a, ctx.today, inGroup)}${vague}`
  })
  const unsure = reading.items.flatMap((i) => ('unsure' in i && i.unsure ? [`“${i.unsure.written}”`] : []))
  const hasList = (await ctx.repos.representatives.listsFor(member.orgId)).length > 0
  const note = unsure.length ? `（${unsure.join('、')}我按${hasList ? '名单上或' : ''}您记过的人记）` : ''
  const namesakes = reading.items.flatMap((i) => ('namesake' in i && i.namesake ? [i] : []))
  for (const n of namesakes)
    lines.push(`「${n.subject}」和您记过的「${n.namesake!.logged}」只差一两个字：是同一个人吗？`)
  if (offList.size) lines.push(unlistedNote(offList))
  const options: Option[] = [{ label: several ? '全部记下' : '记下', actions }]
  if (namesakes.length) {
    options[0] = { label: `${several ? '全部记下' : '记下'}（不是同一人，按写的名字记）`, actions }
    const merged = reading.items.map((i, k) =>
      'namesake' in i && i.namesake ? mark(actionOf({ ...i, subject: i.namesake.logged })) : actions[k]!,
    )
    const who = namesakes.map((n) => `「${n.namesake!.logged}」`).join('、')
    options.push({ label: `是同一个人，记为${who}`, actions: merged })
  }
  return { lines, note, options }
}

/** "只记其中几件": the line that says how, for a question of several items. */
export function pickHint(count: number): string | undefined {
  return count > 1 ? `只记其中几件：回复“只记1”“1 ${count}”或“第二个不要”` : undefined
}
