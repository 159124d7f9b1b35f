import type { Repos } from '../src/repos/create-repos'

/** One short introduction when someone invites the bot into a group nobody has bound yet. */
export async function introduceInGroup(repos: Repos, roomId: string, botName: string): Promise<string | undefined> {
  const group = await repos.groups.findByRoomId(roomId)
  if (group?.kind) return undefined
  return `大家好，我是${botName}，帮执委们记录履职清单、提醒和转发通知。请管理员发送 #绑定 执委群 或 #绑定 群众群 完成设置，设置前我不会在群里发言。`
}
