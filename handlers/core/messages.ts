import { UserError } from './user-error'

/** Sentences the bot says in more than one place. */
export const MESSAGES = {
  apology: '抱歉，系统暂时出了点问题，您的消息没有处理成功，请稍后再发一次。',
  textOnly:
    '收到啦。图片和文件我看不懂，请用文字告诉我做了什么，例如“今天去看了刘翠花”；语音也行，按住说话后上滑“转文字”再发。',
  unheard: '这条语音我没听清（没有收到转成的文字）。请按住说话，上滑“转文字”后再发送，或者直接打字告诉我。',
} as const

/** The refusals every guard and handler shares, each with its code. */
export const REFUSALS = {
  stranger: () =>
    new UserError(
      'stranger',
      '您还不在执委名单里，或者我还不认识这个微信号。如果您在名单里，请私聊我发送“我是 您的姓名”，本单位管理员确认后就能用了；不在名单里请联系本级妇联管理员。',
    ),
  ambiguousName: (name: string) =>
    new UserError(
      'ambiguousName',
      `名单里有不止一位“${name}”，我没法确定是哪一位。请私聊我发送“我是 ${name} 您的单位”，管理员确认后就能用了。`,
    ),
  noChecklist: () => new UserError('noChecklist', '履职记录只对执委开放。管理员可以用 #汇总 查看各单位情况。'),
  privacy: () =>
    new UserError('privacy', '为保护隐私，履职记录、日记、需求和执委名单请在执委群或私聊中发送，群众群里不处理。'),
  adminOnly: () => new UserError('adminOnly', '只有管理员可以做这件事。'),
  leaderOnly: () => new UserError('leaderOnly', '只有主席和管理员可以查看汇总。'),
  groupOnly: () => new UserError('groupOnly', '这个命令需要在群里发送。'),
  notConstituent: () => new UserError('notConstituent', '群众的求助只在群众群里转交；执委登记需求请发 #需求 内容。'),
} as const
