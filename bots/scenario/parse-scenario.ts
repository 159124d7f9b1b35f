import { z } from 'zod'
import { LIMITS, ROLES } from '../../src/domain/vocabulary'

const text = z.string().min(1).max(100_000)
const name = z.string().trim().min(1).max(LIMITS.name)

const lineSchemas = [
  z.strictObject({ at: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    roster: z
      .array(
        z.strictObject({
          name,
          role: z.enum(ROLES),
          org: name,
          parent: name.optional(),
        }),
      )
      .min(1),
  }),
  z.strictObject({ room: name, from: name, text }),
  z.strictObject({ from: name, text }),
  z.strictObject({ job: z.string().min(1) }),
] as const

export type ScenarioLine =
  | { type: 'at'; at: Date }
  | { type: 'roster'; roster: { name: string; role: 'executive' | 'chair' | 'admin'; org: string; parent?: string }[] }
  | { type: 'message'; room?: string; from: string; text: string }
  | { type: 'job'; job: string }

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
  for (const schema of lineSchemas) {
    const parsed = schema.safeParse(value)
    if (!parsed.success) continue
    const v = parsed.data as Record<string, unknown>
    if ('at' in v) return { type: 'at', at: new Date(v.at as string) }
    if ('roster' in v)
      return { type: 'roster', roster: v.roster as Extract<ScenarioLine, { type: 'roster' }>['roster'] }
    if ('job' in v) {
      if (!knownJobs(v.job as string)) throw new ScenarioError(lineNumber, `unknown job "${String(v.job)}"`)
      return { type: 'job', job: v.job as string }
    }
    return { type: 'message', room: v.room as string | undefined, from: v.from as string, text: v.text as string }
  }
  throw new ScenarioError(
    lineNumber,
    'expected one of {"at"}, {"roster"}, {"room","from","text"}, {"from","text"} or {"job"} with valid values',
  )
}
