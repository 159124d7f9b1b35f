import { types } from 'wechaty-puppet'
import type { Repos } from '../src/repos/create-repos'
import type { SimulatedMessage, SimulatorApi } from '../src/http/page-routes'
import type { SimulatorWorld } from './simulator-world'
import type { SentMessage } from './wechaty-sender'

const DEMO_ROOMS = { executive: '襄阳市执委工作交流群', constituent: '襄阳市联系群众群' } as const
const MAX_KEPT = 2_000

/**
 * The simulator behind the web chat page: people speak through the same simulator puppet the scenario
 * runner uses, and everything said on either side is kept (in memory, the last 2,000) for the page.
 */
export function createSimulatorWeb(deps: { repos: Repos; world: SimulatorWorld; botName: string }) {
  const log: (SimulatedMessage & { data?: Buffer })[] = []
  let seq = 0
  const push = (m: Omit<SimulatedMessage, 'seq' | 'at'> & { data?: Buffer }) => {
    log.push({ ...m, seq: ++seq, at: new Date().toISOString() })
    if (log.length > MAX_KEPT) log.splice(0, log.length - MAX_KEPT)
  }

  const api: SimulatorApi = {
    async people() {
      const members = [
        ...(await deps.repos.members.listWithChecklist()),
        ...(await deps.repos.members.listByRole('admin')),
      ]
      const orgs = new Map(
        (await deps.repos.orgs.listByIds([...new Set(members.map((m) => m.orgId))])).map((o) => [o.id, o.name]),
      )
      return members.map((m) => ({ name: m.name, role: m.role, org: orgs.get(m.orgId) ?? '' }))
    },
    rooms: () => [DEMO_ROOMS.executive, DEMO_ROOMS.constituent],
    async say(input) {
      push({
        room: input.room ?? null,
        to: input.room ? null : input.from,
        from: input.from,
        text: input.text,
        file: null,
        ...(input.kind === 'voice' ? { voice: true } : {}),
      })
      const { kind, ...message } = input
      deps.world.say({
        ...message,
        timestamp: Date.now(),
        ...(kind === 'voice' ? { type: types.Message.Audio, mentionBot: false } : {}),
      })
    },
    messages: (after) => log.filter((m) => m.seq > after).map(({ data: _data, ...m }) => m),
    file: (n) => log.find((m) => m.seq === n)?.data,
  }

  function onSent(sent: SentMessage): void {
    push({
      room: sent.roomId ? deps.world.nameOf(sent.roomId) : null,
      to: sent.contactId ? deps.world.nameOf(sent.contactId) : null,
      from: deps.botName,
      text: sent.mentionContactIds.length
        ? `${sent.mentionContactIds.map((id) => '@' + deps.world.nameOf(id)).join(' ')} ${sent.text}`
        : sent.text,
      file: sent.file,
      data: sent.fileData,
    })
  }

  return { api, onSent }
}

/**
 * A first start of the simulator on an empty database gets a small federation to try things with:
 * a city and a district, a chair, an admin, three executives and both groups, bound.
 */
export async function seedDemoFederation(repos: Repos, world: SimulatorWorld, now: Date): Promise<boolean> {
  if ((await repos.members.listWithChecklist()).length > 0) return false
  const city = await repos.orgs.ensure('襄阳市')
  const district = await repos.orgs.ensure('樊城区', '襄阳市')
  // The demo's people are bound to the simulator's contacts of their names, as an import with WeChat ids does.
  const add = async (name: string, role: 'admin' | 'chair' | 'executive', orgId: string) => {
    const member = await repos.members.upsertByName({ name, role, orgId }, now)
    await repos.members.bindContact(member.id, world.contact(name), now)
    return member
  }
  const admin = await add('李干部', 'admin', city.id)
  await add('王主席', 'chair', city.id)
  for (const name of ['张三', '刘四', '陈五']) await add(name, 'executive', district.id)
  for (const [kind, topic] of Object.entries(DEMO_ROOMS) as [keyof typeof DEMO_ROOMS, string][]) {
    await repos.groups.bind({ roomId: world.room(topic), topic, kind, orgId: city.id, boundBy: admin.id }, now)
  }
  return true
}
