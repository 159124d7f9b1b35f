import type { Misread } from '../../src/domain/misread'
import type { CorpusLine } from './run-corpus'

/**
 * Misread messages as corpus lines (tests/corpus/README.md), oldest first. What she meant is not
 * known: each line expects nothing to be recorded and says so in `todo`; a person writes the real
 * expectation before the line joins a corpus.
 */
export function misreadLines(misreads: readonly Misread[]): (CorpusLine & { todo: string })[] {
  return [...misreads]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((m, i) => ({
      id: `misread-${String(i + 1).padStart(3, '0')}`,
      category: 'misread',
      where: m.where,
      text: m.text,
      now: m.at.toISOString(),
      expect: { noRecord: true },
      note: `the bot's reading: ${m.reading}`,
      todo: 'write what a careful secretary would do with it (expect), then add it to a corpus',
    }))
}
