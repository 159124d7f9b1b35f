import type { Command } from '../src/parser/command-types'
import { checklistItem } from '../src/domain/checklist'
import { formatDate } from '../src/domain/zoned-time'
import { subjectsOf } from '../src/domain/ledger'
import { resolveFamily } from '../src/domain/resolve-family'
import { isCleanFamilyName, separateFamily } from '../src/nl/family-name'
import { maskSensitive } from '../src/domain/mask-sensitive'
import { askFamilyName } from './family-question'
import { resolveSubject, type Resolution } from '../src/nl/resolve-subject'
import { COMMAND_SPECS } from '../src/parser/command-specs'
import type { Action } from '../src/domain/proposal'
import type { Handler } from './core/composer'
import type { MessageContext } from './core/message-context'
import { senderOf } from './core/guards'
import { describeDate, requireDate } from './core/dates'
import { UserError } from './core/user-error'
import { knownAs, knownNames } from './core/known-names'
import { unlistedNote, unlistedRepresentatives } from './core/representative-list'
import { recordDuty } from './core/record-item'
import { propose } from './core/propose'
import { describeAction } from './core/actions'

type DutyCommand = Extract<Command, { type: 'duty' }>

/**
 * #联系 #帮扶 #解决 #网群 #社会组织 #公益 #调研 #建议: recorded at once when the name is certain (the
 * same as one she logged, with or without 大姐 and spaces, or someone new); asked about when it only
 * looks like someone (翠花, 刘阿姨, 刘翠华). Several names get one record each.
 */
export const handleDuty: Handler<'duty'> = async (ctx) => {
  const member = senderOf(ctx)
  const date = requireDate(ctx, ctx.intent.date)
  // Only #解决 needs a subject found for it; a titled item may be recorded without a title (#公益 今天).
  const named =
    ctx.intent.subject || ctx.intent.kind !== 'problemSolved'
      ? ctx.intent
      : await nameTheFamily(ctx, member.id, date.year, ctx.intent)
  // A family is recorded, and named in the group, by its name only: its situation goes to the detail.
  const family = FAMILY_KINDS.has(named.kind) && named.subject ? separateFamily(named.subject) : undefined
  if (family?.type === 'unsure')
    return askFamilyName(ctx, member, {
      kind: named.kind,
      written: named.subject,
      guess: family.guess,
      detail: named.detail,
      date,
    })
  const cmd =
    family?.type === 'split'
      ? { ...named, subject: family.name, detail: [family.situation, named.detail].filter(Boolean).join('，') }
      : named
  const item = checklistItem(cmd.kind)
  const known = item.distinct || cmd.kind === 'problemSolved' ? await knownNames(ctx, member.id) : undefined
  const names = [cmd.subject, ...(cmd.more ?? [])]
  const resolved = names.map((n) => (known && !known.empty ? resolveSubject(n, cmd.kind, known) : sure(n, cmd.kind)))
  const open = resolved.find((r): r is Extract<Resolution, { open: unknown }> => 'open' in r)
  if (open)
    throw new UserError(
      'whichPerson',
      `“${open.written}”可能是${open.open.map((k) => `「${k.subject}」`).join('或')}，请写全名再发一次。`,
    )
  const readings = resolved as Exclude<Resolution, { open: unknown }>[]
  // A representative not on her unit's list (when it has one) is recorded after a question, marked.
  const offList = await unlistedRepresentatives(
    ctx,
    member,
    readings.filter((r) => r.sure && r.kind === 'representatives').map((r) => r.subject),
  )
  if (offList.size && readings.every((r) => r.sure)) {
    const actions: Action[] = readings.map((r, i) => ({
      do: 'duty',
      kind: r.kind,
      subject: r.subject,
      date: formatDate(date),
      text: i === 0 ? (cmd.detail ?? null) : null,
      ...(offList.has(r.subject) ? { unlisted: true as const } : {}),
    }))
    await propose(ctx, member, unlistedNote(offList), [
      { label: `仍然记下（${actions.map((a) => describeAction(a, ctx.today, false)).join('、')}）`, actions },
    ])
    return
  }
  if (readings.every((r) => r.sure)) {
    const lines: string[] = []
    for (const [i, r] of readings.entries())
      lines.push(
        ...(await recordDuty(
          ctx,
          member,
          { kind: r.kind, subject: r.subject, date, text: i === 0 ? cmd.detail : null },
          ctx.recordId(i + 1),
        )),
      )
    await ctx.reply(lines.join('\n'))
    return
  }
  const actions: Action[] = readings.map((r, i) => ({
    do: 'duty',
    kind: r.kind,
    subject: r.subject,
    date: formatDate(date),
    text: i === 0 ? (cmd.detail ?? null) : null,
  }))
  const unsure = readings.filter((r): r is Extract<Resolution, { sure: false }> => !r.sure)
  const question = unsure
    .map((u) =>
      u.namesake ? `“${u.written}”和${knownAs(u)}只差一两个字，是同一个人吗？` : `“${u.written}”是${knownAs(u)}吗？`,
    )
    .join('\n')
  const asTypedOffList = await unlistedRepresentatives(
    ctx,
    member,
    readings.flatMap((r) => (!r.sure && cmd.kind === 'representatives' ? [r.written] : [])),
  )
  const asTyped = readings.map(
    (r, i): Action =>
      ({
        ...actions[i]!,
        ...(r.sure ? {} : { subject: r.written, kind: cmd.kind }),
        ...(!r.sure && asTypedOffList.has(r.written) ? { unlisted: true } : {}),
      }) as Action,
  )
  const same = { label: `是，记为${actions.map((a) => describeAction(a, ctx.today, false)).join('、')}`, actions }
  const other = {
    label: `不是，是新的一位（记为${asTyped.map((a) => describeAction(a, ctx.today, false)).join('、')}）`,
    actions: asTyped,
  }
  // A name that extends or shortens one she logged is likelier another woman: that answer comes first.
  await propose(ctx, member, question, unsure.some((u) => u.namesake) ? [other, same] : [same, other])
}

const sure = (subject: string, kind: DutyCommand['kind']): Resolution => ({ sure: true, subject, kind })

const FAMILY_KINDS = new Set<DutyCommand['kind']>(['poorFamily', 'problemSolved'])

/** "#解决 王家孩子申请到助学金": splits off a family from her ledgers, or asks which one she means. */
async function nameTheFamily(
  ctx: MessageContext,
  memberId: string,
  year: number,
  cmd: DutyCommand,
): Promise<DutyCommand> {
  const spec = COMMAND_SPECS.find((s) => s.duty === cmd.kind)!
  const ledgers = await Promise.all([
    ctx.repos.progress.recalled(memberId, year),
    ctx.repos.progress.recalled(memberId, year - 1),
  ])
  const families = [...new Set(ledgers.flatMap((items) => subjectsOf(items, 'poorFamily')))]
  const match = resolveFamily(cmd.detail ?? '', families)
  if (match.ok) return { ...cmd, subject: match.family, detail: match.problem }
  if (match.reason === 'whichFamily') {
    // The group sees names only: a subject recorded with its situation (before issue 20) is not listed there.
    const shown = ctx.place.type === 'group' ? match.families.filter(isCleanFamilyName) : match.families
    const listed = shown.length ? `您联系过${shown.map(maskSensitive).join('、')}，` : ''
    throw new UserError(
      'whichFamily',
      `${listed}请写上是哪一户，例如 #解决 ${shown[0] ?? '王建国家'} 协调办理了医保报销`,
    )
  }
  const ask = match.reason === 'noProblem' ? '请写上解决了什么问题' : '请写上家庭和解决的问题，中间用空格隔开'
  throw new UserError('missingArgument', `${ask}，例如 ${spec.example}\n用法：${spec.usage}`)
}

export { describeDate }
