import { types } from 'wechaty-puppet'
import type { Repos } from '../../src/repos/create-repos'
import type { ManualClock } from '../../src/clock'
import type { Logger } from '../../src/logger'
import { emptyCounts, type ProgressCounts } from '../../src/domain/progress'
import { toLocal } from '../../src/domain/zoned-time'
import { displayNames } from '../../src/domain/display-name'
import { findJob } from '../../jobs'
import { startSimulatorSession, type NamedSentMessage } from '../simulator-session'
import { createJobRunner } from '../../jobs/run-job'
import type { SendPolicy } from '../../src/domain/send-policy'
import type { ScenarioLine } from './parse-scenario'
import { applyRosterLine } from './roster-line'

export interface ScenarioDeps {
  repos: Repos
  clock: ManualClock
  log: Logger
  tz: string
  botName: string
  policy: SendPolicy
  followUpHours: number
  auditRetentionDays: number
}

const MESSAGE_TYPES = { text: types.Message.Text, voice: types.Message.Audio, image: types.Message.Image } as const

/** Plays the lines through the real bot over the simulator; `emit` gets each message the bot sends. */
export async function runScenario(
  lines: readonly ScenarioLine[],
  deps: ScenarioDeps,
  emit: (sent: NamedSentMessage) => void,
): Promise<void> {
  const session = await startSimulatorSession({ ...deps, onSent: emit })
  const runJob = createJobRunner()
  try {
    for (const line of lines) {
      switch (line.type) {
        case 'at':
          deps.clock.set(line.at)
          break
        case 'roster':
          // An import that carries each person's WeChat id (CONTRACT.md §2): she is known from her first
          // message under her name; one with `wechatName` appears under that nickname, not bound.
          await applyRosterLine(deps.repos, line.roster, session.world.contact, deps.clock.now())
          break
        case 'checklist': {
          // As an admin sets it through the API; the unit is created if new, like a roster line's.
          const org = await deps.repos.orgs.ensure(line.org)
          await deps.repos.orgs.setSetting(org.id, 'checklist', line.config ?? undefined)
          break
        }
        case 'message':
          await session.say({ from: line.from, text: line.text, room: line.room, type: MESSAGE_TYPES[line.kind] })
          break
        case 'job': {
          const job = findJob(line.job)!
          const ctx = {
            repos: deps.repos,
            now: deps.clock.now(),
            tz: deps.tz,
            log: deps.log,
            force: true,
            followUpHours: deps.followUpHours,
            auditRetentionDays: deps.auditRetentionDays,
          }
          await runJob(job, ctx)
          break
        }
      }
      // Whatever the line queued (a notice, a job's posts) goes out now, its spacing simulated.
      await session.drainQueue()
      await session.bot.drain()
    }
  } finally {
    await session.stop()
  }
}

/** Counts for every member with a checklist, for the calendar year of the simulated clock. */
export async function scenarioSummary(deps: ScenarioDeps): Promise<Record<string, ProgressCounts>> {
  const year = toLocal(deps.clock.now(), deps.tz).year
  const members = await deps.repos.members.listWithChecklist()
  const progress = await deps.repos.progress.listForYear(
    year,
    members.map((m) => m.id),
  )
  const byMember = new Map(progress.map((p) => [p.memberId, p.counts]))
  // Namesakes are keyed 姓名（单位） (CONTRACT.md §2).
  const units = new Map(
    (await deps.repos.orgs.listByIds([...new Set(members.map((m) => m.orgId))])).map((o) => [o.id, o.name]),
  )
  const names = displayNames(members, (id) => units.get(id) ?? '')
  const summary: Record<string, ProgressCounts> = {}
  for (const m of members) summary[names.get(m.id)!] = byMember.get(m.id) ?? emptyCounts()
  return summary
}
