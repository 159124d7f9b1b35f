/**
 * A voice transcript runs deeds together without punctuation ("今天去五保户赵长福家坐了坐然后又去了单亲妈妈
 * 周丽家她家孩子要交学费了"). A new part starts at a word that begins one: 然后, 接着, 另外; "她家", "她说"
 * after something else (not after 给, 跟: "给她家送了两袋米" is one part); "这个事记一下" after what is to be
 * recorded; "…不是王秀兰啊" at the end, who it was not.
 */
const STARTS =
  /(?=然后|接着|随后|后来|另外(?!一))|(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s去到看是在从回往说讲])(?=[她他](?:家|说|们|想|要|讲|还|也))|(?=这个?事(?:儿)?(?:帮我|给我)?(?:记|登记)|(?:帮我|给我)?记(?:个|一下|下)?需求)|(?<=了\s?)(?=又(?:到|去|跑|上|给|跟|帮|看))|(?=不是(?!一|同)[\u4e00-\u9fff]{2,3}(?:啊|呀|哈|哦|哟)?$)/g
/** Where a part starts when the one being built tells a deed: "我又去了…" ("那个群我今天建好了" is one part, its object said first). */
const ME_NEXT =
  /(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s])(?=我(?:去|又|还|也|帮|给|跟|和|到|在|把|就|刚|今天|昨天|上午|下午|前天))/g
/** Where a part starts at a new time of day once a deed was told before it: "…她们都挺好的下午去敬老院帮忙了". */
const DAY_NEXT = /(?<=[^\s我在从到是的])(?=今天|昨天|前天)|(?<=[^\s我在从到是天一])(?=上午|下午|中午|晚上|傍晚)/g
/** "周一去了代表白桂芳家周三去了杨德才家": a weekday starts a part after a deed done (not after 约好了). */
const WEEKDAY_NEXT = /(?<=了|家|情|事)(?=周[一二三四五六日天](?!末))/g
const PLANNED = /约|打算|准备|计划|要|想/

/** A deed told: something done or gone to. */
const DEED = /了|过|完|去|到|看|坐|聊|找|送|帮/

/** Only where nothing else separates the words: a clause longer than a short phrase. */
export function splitRunOn(clause: string): string[] {
  if (clause.length < 12) return [clause]
  // Where a part may start: always, after a part that tells a deed, or after any deed before it.
  const cuts = new Map<number, 'always' | 'part' | 'before'>()
  for (const m of clause.matchAll(DAY_NEXT)) if (m.index > 0) cuts.set(m.index, 'before')
  for (const m of clause.matchAll(WEEKDAY_NEXT))
    if (!PLANNED.test(clause.slice(0, m.index))) cuts.set(m.index, 'before')
  for (const m of clause.matchAll(ME_NEXT)) if (m.index > 0) cuts.set(m.index, 'part')
  for (const m of clause.matchAll(STARTS)) if (m.index > 0) cuts.set(m.index, 'always')
  const parts: string[] = []
  let from = 0
  for (const [at, when] of [...cuts].sort((a, b) => a[0] - b[0])) {
    const before = clause.slice(when === 'before' ? 0 : from, at)
    if (at === from || (when !== 'always' && !DEED.test(before))) continue
    parts.push(clause.slice(from, at))
    from = at
  }
  parts.push(clause.slice(from))
  return parts.filter((c) => c.trim().length > 0)
}
