import type { Repos } from '../src/repos/create-repos'

export interface FriendDecision {
  accept: boolean
  /** What to say once the request is accepted. */
  say?: string
}

const STRANGER =
  '您好！我是妇联助手，为妇联执委记录履职清单。如果您在执委名单里，请发送“我是 您的姓名”，本单位管理员确认后就可以在这里和我对话了；不在名单里请联系本级妇联管理员。'

/**
 * Everyone is accepted, because WeChat lets nobody message a stranger before accepting: a member bound
 * to this WeChat id gets a welcome; anyone else is told once how to be recognised ("我是 姓名") and
 * nothing more. A nickname alone binds nobody.
 */
export async function decideFriendRequest(
  repos: Repos,
  contact: { id: string; name: string },
  botName: string,
  now: Date,
): Promise<FriendDecision> {
  const bound = await repos.members.identify(contact.name.trim(), contact.id, now)
  const member = bound && 'member' in bound ? bound.member : undefined
  if (member) return { accept: true, say: `您好，${member.name}！我是${botName}。发送 #帮助 查看怎样记录履职事项。` }
  const firstTime = await repos.claims.tryClaim(`stranger-told:${contact.id}`, now)
  return { accept: true, say: firstTime ? STRANGER : undefined }
}
