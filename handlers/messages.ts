import { UserError } from './user-error'

/** Sentences the bot says in more than one place. */
export const MESSAGES = {
  apology: '抱歉，系统暂时出了点问题，您的消息没有处理成功，请稍后再发一次。',
  textOnly: '我目前只能看懂文字消息哦，请用文字发送命令，例如 #进度。发送 #帮助 查看全部用法。',
  privateHint: (botName: string) =>
    `您好，我是${botName}。发送 #帮助 查看我能做什么，例如 #联系 刘翠花 电话了解家庭情况。`,
  addHash: (command: string) => `要记录的话，请在命令前加上 #，例如：${command}`,
} as const

/** The refusals every guard and handler shares, each with its code. */
export const REFUSALS = {
  stranger: () =>
    new UserError('stranger', '您还不在执委名单里，暂时不能使用这个功能。请联系本级妇联管理员把您加入名单。'),
  ambiguousName: (name: string) =>
    new UserError('ambiguousName', `名单里有不止一位“${name}”，我没法确定是哪一位。请联系管理员处理。`),
  noChecklist: () => new UserError('noChecklist', '履职记录只对执委开放。管理员可以用 #汇总 查看各单位情况。'),
  privacy: () => new UserError('privacy', '为保护隐私，履职记录、日记和需求请在执委群或私聊中发送，群众群里不处理。'),
  adminOnly: () => new UserError('adminOnly', '只有管理员可以做这件事。'),
  leaderOnly: () => new UserError('leaderOnly', '只有主席和管理员可以查看汇总。'),
  groupOnly: () => new UserError('groupOnly', '这个命令需要在群里发送。'),
} as const
