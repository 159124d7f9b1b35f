import { recordCommandOf } from '../src/parser/command-specs'
import type { ChecklistItem } from '../src/domain/checklist'
import type { Handler } from './core/composer'
import { senderOf } from './core/guards'
import { herChecklist } from './core/her-checklist'

const RULES = { entries: '按次数', distinct: '按不同的人或单位', days: '按天数' } as const

const target = (i: ChecklistItem) => (i.max ? `${i.min}–${i.max}` : `${i.min}`)

/** #清单: her unit's checklist (inherited from the nearest unit above that set one), and how to record each item. */
export const handleChecklist: Handler<'checklist'> = async (ctx) => {
  const member = senderOf(ctx)
  const tree = await ctx.repos.orgs.tree(member.orgId)
  const setBy = tree.chain(member.orgId).find((u) => u.settings.checklist)
  const items = await herChecklist(ctx, member.orgId)
  const own = tree.get(member.orgId)?.name ?? '本单位'
  const lines = [
    `📋 ${own}的履职清单（${setBy ? `${setBy.name}设定` : '默认'}，共 ${items.length} 项）：`,
    ...items.map(
      (i, n) => `${n + 1}. ${i.label}：目标 ${target(i)}（${RULES[i.rule]}），记录用 ${recordCommandOf(i) ?? ''}`,
    ),
    '另有每周的妇情日记（#日记）和妇女需求台账（#需求）。',
  ]
  await ctx.reply(lines.join('\n'))
}
