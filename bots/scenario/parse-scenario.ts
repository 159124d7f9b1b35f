import { z } from 'zod'
import { LIMITS, ROLES } from '../../src/domain/vocabulary'
import type { ChecklistConfig } from '../../src/domain/unit-checklist'
import { checklistConfigSchema, checklistRefusal } from '../../src/services/checklist-setting'
import { rosterLineProblem } from './roster-line'
import type { RosterEntry } from './roster-entry'

export type { RosterEntry } from './roster-entry'

const text = z.string().min(1).max(100_000)
const name = z.string().trim().min(1).max(LIMITS.name)

const rosterEntry = z.strictObject({
  name,
  role: z.enum(ROLES),
  org: name,
  parent: name.optional(),
  /** She appears under this WeChat nickname, and her WeChat id is not on the roster (CONTRACT.md §2). */
  wechatName: name.optional(),
})

const schemas = {
  at: z.strictObject({ at: z.iso.datetime({ offset: true }) }),
  roster: z.strictObject({ roster: z.array(rosterEntry).min(1) }),
  message: z.strictObject({ room: name.optional(), from: name, text }),
  voice: z.strictObject({ room: name.optional(), from: name, type: z.literal('voice'), text: z.string().max(10_000) }),
  image: z.strictObject({ room: name.optional(), from: name, type: z.literal('image') }),
  job: z.strictObject({ job: z.string().min(1) }),
  checklist: z.strictObject({ checklist: z.strictObject({ org: name, config: checklistConfigSchema.nullable() }) }),
}

export type ScenarioLine =
  | { type: 'at'; at: Date }
  | { type: 'roster'; roster: RosterEntry[] }
  | { type: 'message'; kind: 'text' | 'voice' | 'image'; room?: string; from: string; text: string }
  | { type: 'job'; job: string }
  /** A unit's own checklist, as an admin sets it (PUT /api/v1/checklist); null: back to the inherited one. */
  | { type: 'checklist'; org: string; config: ChecklistConfig | null }

export class ScenarioError extends Error {
  constructor(
    readonly lineNumber: number,
    detail: string,
  ) {
    super(`line ${lineNumber}: ${detail}`)
    this.name = 'ScenarioError'
  }
}

/** Parses the whole script before anything runs, so a typo on line 40 does not leave half a run behind. */
export function parseScenario(source: string, knownJobs: (name: string) => boolean): ScenarioLine[] {
  const lines: ScenarioLine[] = []
  source.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('//')) return
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch {
      throw new ScenarioError(lineNumber, 'not valid JSON')
    }
    lines.push(toLine(value, lineNumber, knownJobs))
  })
  return lines
}

function toLine(value: unknown, lineNumber: number, knownJobs: (name: string) => boolean): ScenarioLine {
  const at = schemas.at.safeParse(value)
  if (at.success) return { type: 'at', at: new Date(at.data.at) }
  const roster = schemas.roster.safeParse(value)
  if (roster.success) {
    const problem = rosterLineProblem(roster.data.roster)
    if (problem) throw new ScenarioError(lineNumber, `roster refused: ${problem}`)
    return { type: 'roster', roster: roster.data.roster }
  }
  const job = schemas.job.safeParse(value)
  if (job.success) {
    if (!knownJobs(job.data.job)) throw new ScenarioError(lineNumber, `unknown job "${job.data.job}"`)
    return { type: 'job', job: job.data.job }
  }
  const checklist = schemas.checklist.safeParse(value)
  if (checklist.success) {
    const { org, config } = checklist.data.checklist
    const refusal = config ? checklistRefusal(config) : undefined
    if (refusal) throw new ScenarioError(lineNumber, `checklist refused: ${refusal}`)
    return { type: 'checklist', org, config }
  }
  const message = schemas.message.safeParse(value)
  if (message.success) return { type: 'message', kind: 'text', ...message.data }
  const voice = schemas.voice.safeParse(value)
  if (voice.success)
    return { type: 'message', kind: 'voice', room: voice.data.room, from: voice.data.from, text: voice.data.text }
  const image = schemas.image.safeParse(value)
  if (image.success) return { type: 'message', kind: 'image', room: image.data.room, from: image.data.from, text: '' }
  throw new ScenarioError(
    lineNumber,
    'expected one of {"at"}, {"roster"}, {"room","from","text"}, {"from","text"}, {"from","type":"voice","text"}, {"from","type":"image"}, {"job"} or {"checklist"} with valid values',
  )
}
