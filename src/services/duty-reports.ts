import type { Repos } from '../repos/create-repos'
import type { Member } from '../domain/entities'
import { foldEvents } from '../domain/ledger'
import { checklistFor } from '../domain/unit-checklist'
import { composeDutyReport, type DutyReport } from '../domain/compose-duty-report'
import { toLocal } from '../domain/zoned-time'

export type DutyReportRepos = Pick<Repos, 'orgs' | 'progress' | 'needs'>

/**
 * The 述职报告 of these members for a year, in their order. Her records come from her ledger's events
 * (one query for everyone: the items they add up to, and the text written with each), her needs'
 * contents from the needs ledger; nothing else is read, so a report says only what her records say.
 */
export async function dutyReports(
  repos: DutyReportRepos,
  members: readonly Member[],
  year: number,
  now: Date,
  tz: string,
): Promise<DutyReport[]> {
  const today = toLocal(now, tz)
  const tree = await repos.orgs.tree()
  const events = await repos.progress.eventsOf(
    members.map((m) => m.id),
    year,
  )
  const reports: DutyReport[] = []
  for (const member of members) {
    const mine = events.get(member.id) ?? []
    const items = foldEvents(mine)
    const texts = new Map<string, string>()
    for (const e of mine) if ('add' in e.change && e.text) texts.set(e.change.add.id, e.text)
    const needs = (await repos.needs.listOf(member.id)).map((n) => ({
      // The record in her ledger: a constituent's need she took is held under her #认领's id.
      id: n.itemId ?? n.id,
      number: n.number,
      content: n.content,
      date: n.date,
      resolvedOn: n.status === 'resolved' && n.resolvedAt ? toLocal(n.resolvedAt, tz) : null,
    }))
    reports.push(
      composeDutyReport({
        name: member.name,
        unit: tree.get(member.orgId)?.name ?? '',
        role: member.role,
        year,
        items,
        texts,
        needs,
        checklist: checklistFor(tree, member.orgId),
        today,
      }),
    )
  }
  return reports
}
