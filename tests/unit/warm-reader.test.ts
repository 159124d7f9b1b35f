/**
 * The reader is warmed as the bot starts with sentences of each shape it reads: they must stay things the
 * reader understands, or the warm-up would exercise only the "没看明白" path.
 */
import { WARM_SENTENCES, warmReader } from '../../src/parser/warm-reader'

describe('warmReader', () => {
  it('reads every sample sentence as records, privately and in the group', () => {
    const readings = warmReader('妇联助手', 1)
    expect(readings).toHaveLength(WARM_SENTENCES.length * 2)
    const notRead = readings.flatMap((r, i) => (r.type === 'records' ? [] : [`${WARM_SENTENCES[i >> 1]}: ${r.type}`]))
    expect(notRead).toEqual([])
  })
})
