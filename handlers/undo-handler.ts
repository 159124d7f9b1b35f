import type { HandlerContext } from './handler-context'
import { UserError } from './handler-context'
import { checklistItem } from '../src/domain/checklist'
import type { DutyLog, Diary, Need } from '../src/domain/entities'
import { syncProgress } from '../src/services/sync-progress'
import { parseIsoDate } from '../src/domain/zoned-time'
import { describeDate, requireRecorder } from './record-helpers'

type Undoable = { type: 'duty'; record: DutyLog } | { type: 'diary'; record: Diary } | { type: 'need'; record: Need }

function describe(item: Undoable): string {
  if (item.type === 'duty') return `${checklistItem(item.record.kind).label}「${item.record.subject}」`
  if (item.type === 'diary') return '妇情日记'
  return `${item.record.number} 号需求`
}

/** #撤销: undoes her newest duty log, diary entry or need; running it again for the same message is a no-op. */
export async function handleUndo(ctx: HandlerContext): Promise<void> {
  const member = requireRecorder(ctx)
  const already = await findDoneByThisMessage(ctx)
  const target = already ?? (await newestActive(ctx, member.id))
  if (!target) throw new UserError('没有可以撤销的记录。')
  if (target.type === 'need' && target.record.status === 'resolved') {
    throw new UserError(`最近一条是已办结的 ${target.record.number} 号需求，不能撤销。`)
  }
  if (!already) {
    const { dutyLogs, diaries, needs } = ctx.repos
    const repo = target.type === 'duty' ? dutyLogs : target.type === 'diary' ? diaries : needs
    await repo.markUndone(target.record.id, ctx.key, ctx.now)
  }
  await syncProgress(ctx.repos, member, target.record.year, ctx.now)
  await ctx.reply(`↩️ 已撤销：${describe(target)}（${describeDate(parseIsoDate(target.record.date), ctx.today)}）`)
}

async function findDoneByThisMessage(ctx: HandlerContext): Promise<Undoable | undefined> {
  const duty = await ctx.repos.dutyLogs.findUndoneBy(ctx.key)
  if (duty) return { type: 'duty', record: duty }
  const diary = await ctx.repos.diaries.findUndoneBy(ctx.key)
  if (diary) return { type: 'diary', record: diary }
  const need = await ctx.repos.needs.findUndoneBy(ctx.key)
  return need ? { type: 'need', record: need } : undefined
}

async function newestActive(ctx: HandlerContext, memberId: string): Promise<Undoable | undefined> {
  const [duty, diary, need] = await Promise.all([
    ctx.repos.dutyLogs.latestActive(memberId),
    ctx.repos.diaries.latestActive(memberId),
    ctx.repos.needs.latestActive(memberId),
  ])
  const candidates: Undoable[] = []
  if (duty) candidates.push({ type: 'duty', record: duty })
  if (diary) candidates.push({ type: 'diary', record: diary })
  if (need) candidates.push({ type: 'need', record: need })
  // Ties (several records in one simulated instant) fall back to ObjectId order, which is creation order.
  const order = (u: Undoable) => `${String(u.record.createdAt.getTime()).padStart(15, '0')}:${u.record.id}`
  return candidates.sort((a, b) => (order(a) < order(b) ? 1 : -1))[0]
}
