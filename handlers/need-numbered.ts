import type { Need } from '../src/domain/entities'
import type { MessageContext } from './core/message-context'
import { UserError } from './core/user-error'

/** The need with this number, or the sentence that says there is none. */
export async function needNumbered(ctx: MessageContext, number: number): Promise<Need> {
  const need = await ctx.repos.needs.findByNumber(number)
  if (!need) throw new UserError('notFound', `没有找到 ${number} 号需求，请检查编号。`)
  return need
}

/** "12 号需求已由张三认领。" */
export async function takenBy(ctx: MessageContext, need: Need, memberId: string): Promise<UserError> {
  const taker = await ctx.repos.members.findById(memberId)
  return new UserError('alreadyTaken', `${need.number} 号需求已由${taker?.name ?? '别的执委'}认领了，不用再认领。`)
}
