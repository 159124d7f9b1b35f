import type { ChecklistItem } from '../../src/domain/checklist'
import { checklistFor } from '../../src/domain/unit-checklist'
import type { MessageContext } from './message-context'

/** Her unit's checklist (inherited down the tree), from the cached org tree: no query per message. */
export async function herChecklist(ctx: MessageContext, orgId: string): Promise<ChecklistItem[]> {
  return checklistFor(await ctx.repos.orgs.tree(orgId), orgId)
}

/** Labels of the items her federation added, by key, for lists of her records. */
export async function addedLabels(ctx: MessageContext, orgId: string): Promise<Map<string, string>> {
  return new Map((await herChecklist(ctx, orgId)).filter((i) => i.words).map((i) => [i.key, i.label]))
}
