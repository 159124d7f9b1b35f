import { describeSlot } from '../src/domain/weekly-slot'
import type { Handler } from './core/composer'
import { REFUSALS } from './core/messages'
import { senderOf } from './core/guards'
import { UserError } from './core/user-error'
import type { MessageContext } from './core/message-context'
import type { Member, OrgUnit } from '../src/domain/entities'

/** #设置: whether this group's weekly post @-mentions who is behind; the unit's weekly post and reminder times. */
export const handleSetting: Handler<'setting'> = async (ctx) => {
  const admin = senderOf(ctx)
  const setting = ctx.intent.setting
  if (setting.key === 'mentionBehind') {
    if (ctx.place.type !== 'group') throw REFUSALS.groupOnly()
    if (ctx.place.kind !== 'executive' || !ctx.place.orgId)
      throw new UserError('groupNotBound', '请先在执委群里发送 #绑定 执委群。')
    await ctx.repos.groups.setMentionBehind(ctx.place.roomId, setting.on)
    await ctx.reply(setting.on ? '好的，周报会 @ 进度落后的执委。' : '好的，周报不再 @ 任何人，只列出名单。')
    return
  }
  const slot = { weekday: setting.weekday, hour: setting.hour, minute: setting.minute }
  const unit = await unitSet(ctx, admin)
  await ctx.repos.orgs.setSetting(unit.id, setting.key, slot)
  const what = setting.key === 'weeklyProgress' ? '周报' : '日记提醒'
  await ctx.reply(`好的，${unit.name}的${what}改为每${describeSlot(slot)}。`)
}

/**
 * The unit a time setting changes: in a bound group, the group's unit (a city admin in a village's
 * group means that village), if it is within her scope; elsewhere, her own unit.
 */
async function unitSet(ctx: MessageContext, admin: Member): Promise<OrgUnit> {
  const groupOrgId = ctx.place.type === 'group' ? ctx.place.orgId : null
  const unit = await ctx.repos.orgs.findById(groupOrgId ?? admin.orgId)
  if (!unit) throw new UserError('notFound', '没有找到您的单位，请联系管理员检查名单。')
  if (groupOrgId && !(await ctx.repos.orgs.isWithin(groupOrgId, admin.orgId)))
    throw new UserError('outOfScope', `本群属于${unit.name}，不在您管理的范围内，不能改它的设置。`)
  return unit
}
