import { displayNames } from './display-name'
import type { TallySource } from './level-report'
import type { PersonFigures } from './person-figures'

/** People on one page of /api/v1/progress, at most. */
export const PROGRESS_PAGE_MAX = 500

export interface ProgressPage {
  people: PersonFigures[]
  /** Where the next page starts; undefined on the last page. */
  next?: string
}

type Mark = [orgId: string, name: string, memberId: string]

const after = (p: PersonFigures, mark: Mark) => p.name > mark[1] || (p.name === mark[1] && p.memberId > mark[2])

/** The cursor after this person: her unit, her name and her id, opaque to the client. */
export const cursorAfter = (p: PersonFigures): string =>
  Buffer.from(JSON.stringify([p.orgId, p.name, p.memberId])).toString('base64url')

/** The place a cursor names, or undefined when it is not one of ours. */
export function readCursor(cursor: string): Mark | undefined {
  try {
    const mark = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    const ok = Array.isArray(mark) && mark.length === 3 && mark.every((x) => typeof x === 'string')
    return ok ? (mark as Mark) : undefined
  } catch {
    return undefined
  }
}

/**
 * One page of the people counted under some units: unit by unit in tree order (parents first), each
 * unit's people by name, from just after `mark`. Costs the units walked and the page, not everyone
 * below: a person added or moved while someone pages is on a later page or an earlier one, never twice
 * on the same. A cursor whose unit is gone (moved out of the subtree, deleted) starts over.
 */
export function progressPage(source: TallySource, roots: readonly string[], limit: number, mark?: Mark): ProgressPage {
  const units = roots.flatMap((r) => source.tree.subtree(r))
  let start = mark ? units.findIndex((u) => u.id === mark[0]) : 0
  if (start < 0) start = 0
  const people: PersonFigures[] = []
  for (let i = start; i < units.length && people.length <= limit; i++) {
    const id = units[i]!.id
    if (source.direct(id) === 0) continue
    const here = source.people(id)
    people.push(...(mark && i === start && id === mark[0] ? here.filter((p) => after(p, mark)) : here))
  }
  const page = people.slice(0, limit)
  const shown = displayNames(
    page.map((p) => ({ id: p.memberId, name: p.name, orgId: p.orgId })),
    (id) => source.tree.get(id)?.name,
  )
  return {
    people: page.map((p) => ({ ...p, displayName: shown.get(p.memberId) ?? p.name })),
    next: people.length > limit ? cursorAfter(page[page.length - 1]!) : undefined,
  }
}
