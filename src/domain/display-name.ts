/**
 * The name a list shows for each person: her name, or "姓名（单位）" where two people of the list share a
 * name (王芳 of 白庙村 and 王芳 of 新农村). The one place that decides it, for every list the bot and
 * the pages show; identity work may extend it (e.g. a parent unit where two units share a name too).
 */
export function displayNames(
  people: readonly { id: string; name: string; orgId: string }[],
  orgName: (orgId: string) => string | undefined,
): Map<string, string> {
  const seen = new Map<string, number>()
  for (const p of people) seen.set(p.name, (seen.get(p.name) ?? 0) + 1)
  return new Map(
    people.map((p) => [p.id, (seen.get(p.name) ?? 0) > 1 ? `${p.name}（${orgName(p.orgId) ?? '?'}）` : p.name]),
  )
}
