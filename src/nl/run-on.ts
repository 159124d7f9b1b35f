/**
 * A voice transcript runs deeds together without punctuation ("今天去五保户赵长福家坐了坐然后又去了单亲妈妈
 * 周丽家她家孩子要交学费了"). A new part starts at a word that begins one: 然后, 接着, 另外; "她家", "她说"
 * after something else (not after 给, 跟: "给她家送了两袋米" is one part); "这个事记一下" after what is to be
 * recorded.
 */
const STARTS =
  /(?=然后|接着|随后|后来|另外(?!一))|(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s去到看是在从回往])(?=[她他](?:家|说|们|想|要|讲|还|也))|(?=这个?事(?:儿)?(?:帮我|给我)?(?:记|登记)|(?:帮我|给我)?记(?:个|一下|下)?需求)/g
/**
 * Where a part starts only after one that tells a deed: "我又去了…", "下午又去了…", "今天上午又帮他家…"
 * ("那个巾帼志愿者群我今天建好了" is one part, its object said first).
 */
const AFTER_A_DEED =
  /(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s])(?=我(?:去|又|还|也|帮|给|跟|和|到|在|把|就|刚|今天|昨天|上午|下午|前天))|(?<=[^\s我在从到是的])(?=(?:今天|昨天|前天)?(?:上午|下午|中午|晚上|傍晚)|今天|昨天|前天)/g
/** A deed told: something done or gone to. */
const DEED = /了|过|完|去|到|看|坐|聊|找|送|帮/

/** Only where nothing else separates the words: a clause longer than a short phrase. */
export function splitRunOn(clause: string): string[] {
  if (clause.length < 12) return [clause]
  // Where a part may start, and whether only after a deed.
  const cuts = new Map<number, boolean>()
  for (const m of clause.matchAll(AFTER_A_DEED)) if (m.index > 0) cuts.set(m.index, true)
  for (const m of clause.matchAll(STARTS)) if (m.index > 0) cuts.set(m.index, false)
  const parts: string[] = []
  let from = 0
  for (const [at, afterDeed] of [...cuts].sort((a, b) => a[0] - b[0])) {
    const before = clause.slice(from, at)
    if (!before.trim() || (afterDeed && !DEED.test(before))) continue
    parts.push(before)
    from = at
  }
  parts.push(clause.slice(from))
  return parts.filter((c) => c.trim().length > 0)
}
