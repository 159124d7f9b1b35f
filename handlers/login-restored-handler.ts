import type { Repos } from '../src/repos/create-repos'
import { targetOfContact } from '../src/services/send-queue'

/** WeChat dropped and came back: tell every admin who can be reached, once for this reconnection. */
export async function notifyLoginRestored(repos: Repos, downSince: Date, now: Date): Promise<number> {
  const admins = (await repos.members.listByRole('admin')).filter((a) => a.contactIds.length > 0)
  const minutes = Math.max(1, Math.round((now.getTime() - downSince.getTime()) / 60_000))
  return repos.outbox.enqueue(
    admins.map((a) => ({
      dedupeKey: `login-restored:${downSince.toISOString()}:${a.id}`,
      kind: 'login-restored',
      target: targetOfContact(a.contactIds[0]!),
      text: `机器人的微信登录已恢复（中断约 ${minutes} 分钟）。中断期间发到群里的命令可能没有收到，请提醒大家必要时重发。`,
      notBefore: now,
    })),
    now,
  )
}
