/**
 * The clause with every occurrence of each name taken out (a space in its place), name after name in
 * the order given, as splitting the clause by each in turn would; a name is not looked for across one
 * taken out before it. Occurrences are found by looking up the clause's pieces of the names' lengths,
 * so a clause of many names costs no more than its length.
 */
export function withoutNames(clause: string, names: readonly string[]): string {
  const order = new Map<string, number>()
  for (const n of names) if (n && !order.has(n)) order.set(n, order.size)
  if (order.size === 0) return clause
  const lengths = [...new Set([...order.keys()].map((n) => n.length))]
  const found: number[][] = [...order.keys()].map(() => [])
  for (let i = 0; i < clause.length; i++)
    for (const length of lengths) {
      const k = order.get(clause.slice(i, i + length))
      if (k !== undefined) found[k]!.push(i)
    }
  const removed = new Uint8Array(clause.length)
  const cutTo = new Map<number, number>()
  for (const [name, k] of order) {
    let next = 0
    for (const i of found[k]!) {
      if (i < next || removed.subarray(i, i + name.length).includes(1)) continue
      removed.fill(1, i, i + name.length)
      cutTo.set(i, i + name.length)
      next = i + name.length
    }
  }
  let out = ''
  for (let i = 0; i < clause.length;) {
    const end = cutTo.get(i)
    out += end === undefined ? clause[i] : ' '
    i = end ?? i + 1
  }
  return out
}
