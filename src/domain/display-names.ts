/**
 * How a list shows people: by name, and by name with her unit where the list holds two of that name
 * ("王芳（白庙村）", "王芳（李庄村）"), so namesakes in two villages are never confused.
 */
export function displayNames(
  people: readonly { id: string; name: string; orgId: string }[],
  unitName: (orgId: string) => string,
): Map<string, string> {
  const count = new Map<string, number>()
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1)
  return new Map(people.map((p) => [p.id, (count.get(p.name) ?? 0) > 1 ? `${p.name}（${unitName(p.orgId)}）` : p.name]))
}
