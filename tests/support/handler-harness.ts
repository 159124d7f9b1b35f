import { createHash } from 'node:crypto'
import { createMessageHandler } from '../../handlers/handle-message'
import type { HandlerRepos, Outcome } from '../../handlers/core/message-context'
import type { IncomingMessage, Sender } from '../../src/incoming-message'
import type { Role } from '../../src/domain/entities'
import { defaultSendPolicy } from '../../src/domain/send-policy'
import { createSendLog } from '../../src/services/send-log'
import { silentLogger, type Logger } from '../../src/logger'
import type { MessageJournal } from '../../src/journal/message-journal'
import { manualClock, type ManualClock } from '../../src/clock'
import { createMemoryRepos } from './memory-repos'
import type { UserErrorCode } from '../../handlers/core/user-error'
import type { CommandBook } from '../../src/parser/command-book'
import type { Router } from '../../handlers/core/composer'

export interface Said {
  room: string | null
  to: string | null
  text: string
  mentions: string[]
}

const idOf = (kind: string, name: string) => `${kind}_${createHash('sha1').update(name).digest('hex').slice(0, 12)}`

/**
 * The message path with in-memory repositories and a recording sender: what handler and guard tests
 * drive. No Wechaty, no database; a test runs in milliseconds.
 */
export function createHandlerHarness(
  options: {
    at?: string
    repos?: HandlerRepos
    instance?: string
    journal?: MessageJournal
    log?: Logger
    /** Another list of commands and the routes for it (a test that adds a command). */
    commands?: CommandBook
    routes?: Router
  } = {},
) {
  const repos = options.repos ?? createMemoryRepos()
  const clock: ManualClock = manualClock(new Date(options.at ?? '2026-11-20T10:00:00+08:00'))
  const names = new Map<string, string>()
  const said: Said[] = []
  const userErrors: UserErrorCode[] = []
  let sequence = 0
  const name = (id: string) => names.get(id) ?? id
  const send: Sender = {
    async toRoom(roomId, text, mentions = []) {
      said.push({ room: name(roomId), to: null, text, mentions: mentions.map(name) })
    },
    async toContact(contactId, text) {
      said.push({ room: null, to: name(contactId), text, mentions: [] })
    },
  }
  const deps = {
    repos,
    now: () => clock.now(),
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    instance: options.instance ?? 'test-instance',
    send,
    replies: createSendLog(),
    log: options.log ?? silentLogger,
    journal: options.journal,
    // A database that could not do it is tried again at once here: the tests need no waiting.
    retryDelaysMs: [0, 0, 0],
    onUserError: (code: UserErrorCode) => void userErrors.push(code),
    policy: defaultSendPolicy('Asia/Shanghai'),
    followUpHours: 24,
    commands: options.commands,
  }
  const handle = createMessageHandler(deps, options.routes)
  let seen = 0

  /** The message as a puppet would deliver it; `mention` @-mentions the bot in a group. */
  function message(input: {
    from: string
    text: string
    room?: string
    mention?: boolean
    id?: string
  }): IncomingMessage {
    const talkerId = idOf('wx', input.from)
    names.set(talkerId, input.from)
    const roomId = input.room ? idOf('room', input.room) : undefined
    if (input.room && roomId) names.set(roomId, input.room)
    return {
      id: input.id ?? `m${++sequence}`,
      talkerId,
      talkerName: input.from,
      roomId,
      roomTopic: input.room,
      text: input.text,
      kind: 'text',
      mentionsSelf: !!input.mention || input.text.includes('@妇联助手'),
      timestamp: clock.now().getTime() + sequence,
    }
  }

  return {
    repos,
    clock,
    deps,
    said,
    handle,
    message,
    roomId: (room: string) => idOf('room', room),
    contactId: (person: string) => idOf('wx', person),
    async say(input: Parameters<typeof message>[0]): Promise<Outcome> {
      return handle(message(input))
    },
    /** The codes of the user errors answered, in order (the authorization tests assert them). */
    userErrors,
    /** What the bot said since the last call. */
    take(): Said[] {
      const fresh = said.slice(seen)
      seen = said.length
      return fresh
    },
    /**
     * Registers people as an admin's import with their WeChat ids does: each is known from her first
     * message, under her name. With `wechatName` she appears under that nickname and is not bound.
     */
    async roster(people: { name: string; role: Role; org: string; parent?: string; wechatName?: string }[]) {
      const out: Record<string, { id: string; orgId: string }> = {}
      for (const p of people) {
        const org = await repos.orgs.ensure(p.org, p.parent)
        const member = await repos.members.upsertByName({ name: p.name, role: p.role, orgId: org.id }, clock.now())
        if (!p.wechatName) await repos.members.bindContact(member.id, idOf('wx', p.name), clock.now())
        out[p.wechatName ?? p.name] = member
      }
      return out
    },
    async bindGroup(room: string, kind: 'executive' | 'constituent', orgName: string) {
      const org = await repos.orgs.ensure(orgName)
      await repos.groups.bind(
        { roomId: idOf('room', room), topic: room, kind, orgId: org.id, boundBy: org.id },
        clock.now(),
      )
    },
  }
}

export type HandlerHarness = ReturnType<typeof createHandlerHarness>
