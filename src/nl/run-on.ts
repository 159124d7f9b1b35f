/**
 * A voice transcript runs deeds together without punctuation ("今天去五保户赵长福家坐了坐然后又去了单亲妈妈
 * 周丽家她家孩子要交学费了"). A new part starts at a word that begins one: 然后, 接着, 另外; "我" doing
 * something next; "她家", "她说" after something else (not after 给, 跟: "给她家送了两袋米" is one part).
 */
const STARTS =
  /(?=然后|接着|随后|后来|另外(?!一))|(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s])(?=我(?:去|又|还|也|帮|给|跟|和|到|在|把|就|刚|今天|昨天|上午|下午|前天))|(?<=[^给跟和帮找对问陪带让叫被把向与同替为\s去到看是在从回往])(?=[她他](?:家|说|们|想|要|讲|还|也))/

/** Only where nothing else separates the words: a clause longer than a short phrase. */
export function splitRunOn(clause: string): string[] {
  if (clause.length < 12) return [clause]
  return clause.split(STARTS).filter((c) => c.trim().length > 0)
}
