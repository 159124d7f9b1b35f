import { manualClock, type ManualClock } from '../../src/clock'
import { silentLogger } from '../../src/logger'
import { startSimulatorSession, type SimulatorSession } from '../../bots/simulator-session'
import { quietWechatyLogs } from '../../bots/quiet-wechaty-logs'
import type { TestDb } from './test-db'

export interface Harness {
  session: SimulatorSession
  clock: ManualClock
  /** Messages the bot sent since the last call. */
  take(): SimulatorSession['sent']
}

/** The real bot (Wechaty + handlers) over the simulator puppet, on a test database. */
export async function startHarness(db: TestDb, options: { instance?: string; at?: string } = {}): Promise<Harness> {
  quietWechatyLogs('silent')
  const clock = manualClock(new Date(options.at ?? '2026-11-20T10:00:00+08:00'))
  const session = await startSimulatorSession({
    repos: db.repos,
    clock,
    log: silentLogger,
    tz: 'Asia/Shanghai',
    botName: '妇联助手',
    instance: options.instance,
  })
  let seen = 0
  return {
    session,
    clock,
    take() {
      const fresh = session.sent.slice(seen)
      seen = session.sent.length
      return fresh
    },
  }
}
