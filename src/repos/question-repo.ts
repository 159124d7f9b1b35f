import { nextQuestionNumber, openQuestions, type PendingQuestion } from '../domain/proposal'
import type { YearWriter } from './year-writer'

type Owner = { id: string; orgId: string }

/** What `ask` did: `created` false when this message's question was asked before (by `by`). */
export interface Asked {
  created: boolean
  by: string
  question: PendingQuestion
  /** Every question waiting in that conversation now, this one included, oldest first. */
  open: PendingQuestion[]
  /** Her own earlier questions in that conversation, which this one replaced. */
  replaced: PendingQuestion[]
}

/**
 * Questions waiting for her digit, kept in her year's document (see year-ledger-store) in the year they
 * were asked. Consistency rule: asking is a compare-and-set on her questions' version that adds the
 * question under the key of the message that raised it (so two bot accounts never both ask it: the second
 * finds it), and answering takes it away in the same write that records what it does (see progress-repo
 * `consumes`), so a question is answered once. Several may wait in one conversation, each keeping its number while it waits; only
 * a question she raised herself there is replaced, by her next one.
 */
export function createQuestionRepo(years: YearWriter) {
  async function ask(owner: Owner, year: number, input: Omit<PendingQuestion, 'memberId' | 'n'>): Promise<Asked> {
    const now = input.createdAt
    let asked: PendingQuestion | undefined
    let replaced: PendingQuestion[] = []
    const mine = (q: PendingQuestion) => q.conversation === input.conversation && q.from === input.from
    const { state } = await years.changeQuestions(owner, year, (s) => {
      const live = s.pending.filter((q) => q.expiresAt.getTime() > now.getTime())
      if (live.some((q) => q.key === input.key)) return undefined
      // Her new question replaces her own earlier one there (she said it again); others' questions stay.
      replaced = live.filter(mine)
      const kept = live.filter((q) => !mine(q))
      asked = { ...input, memberId: owner.id, n: nextQuestionNumber(openQuestions(kept, input.conversation, now)) }
      return { pending: [...kept, asked], activeAt: now }
    })
    const question = asked ?? state.pending.find((q) => q.key === input.key)!
    return {
      created: !!asked,
      by: question.by,
      question,
      open: openQuestions(state.pending, input.conversation, now),
      replaced: asked ? replaced : [],
    }
  }

  /** The questions waiting in her conversation, read from the document now (this year's and last year's). */
  async function waiting(memberId: string, years_: readonly number[], conversation: string, now: Date) {
    const states = await Promise.all(years_.map((y) => years.fresh(memberId, y)))
    return openQuestions(
      states.flatMap((s) => s.pending),
      conversation,
      now,
    )
  }

  /** Takes a question away unanswered (0, or a question whose actions record nothing of hers). */
  async function dismiss(owner: Owner, year: number, key: string): Promise<boolean> {
    const { changed } = await years.changeQuestions(owner, year, (s) =>
      s.pending.some((q) => q.key === key) ? { pending: s.pending.filter((q) => q.key !== key) } : undefined,
    )
    return changed
  }

  /** Removes every question that lapsed before `cutoff` (nobody can answer them any more). */
  async function deleteLapsedBefore(cutoff: Date): Promise<number> {
    let removed = 0
    for (const { memberId, orgId, year } of await years.store.withLapsedQuestions(cutoff)) {
      years.forget(memberId, year)
      let lapsed = 0
      await years.changeQuestions({ id: memberId, orgId }, year, (s) => {
        const kept = s.pending.filter((q) => q.expiresAt.getTime() >= cutoff.getTime())
        lapsed = s.pending.length - kept.length
        return lapsed ? { pending: kept } : undefined
      })
      removed += lapsed
    }
    return removed
  }

  return { ask, waiting, dismiss, deleteLapsedBefore }
}

export type QuestionRepo = ReturnType<typeof createQuestionRepo>
