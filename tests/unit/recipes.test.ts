/**
 * docs/recipes.md stays true to the code: every file it links exists, and every name it links to a
 * source file (`[`name`](path)`) is exported there. A renamed file or export fails this test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const RECIPES = join(ROOT, 'docs/recipes.md')

/** Markdown links `[text](target)` of a document, with their targets made relative to the repository. */
export function linksOf(markdown: string, from: string): { text: string; path: string }[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(([^)#\s]+)\)/g)].map((m) => ({
    text: m[1]!,
    path: relative(ROOT, resolve(dirname(from), m[2]!)),
  }))
}

/** The name a link's text names as code, when it is one identifier: `COMMAND_SPECS`, `Router`. */
const identifierOf = (text: string) => /^`([A-Za-z_$][\w$]*)`$/.exec(text)?.[1]

/** Whether the source exports that name (declared there, or re-exported by name). */
export function exportsName(source: string, name: string): boolean {
  const declared = new RegExp(
    `export\\s+(?:declare\\s+)?(?:async\\s+)?(?:const|let|function|class|interface|type|enum)\\s+${name}\\b`,
  )
  const listed = new RegExp(`export\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`)
  return declared.test(source) || listed.test(source)
}

const links = linksOf(readFileSync(RECIPES, 'utf8'), RECIPES)

describe('docs/recipes.md', () => {
  it('links to files that exist', () => {
    expect(links.length).toBeGreaterThan(30)
    expect(links.filter((l) => !existsSync(join(ROOT, l.path))).map((l) => l.path)).toEqual([])
  })

  it('names only exports of the files it links', () => {
    const named = links.filter((l) => identifierOf(l.text) && l.path.endsWith('.ts'))
    expect(named.length).toBeGreaterThan(20)
    const missing = named
      .filter((l) => !exportsName(readFileSync(join(ROOT, l.path), 'utf8'), identifierOf(l.text)!))
      .map((l) => `${l.text} in ${l.path}`)
    expect(missing).toEqual([])
  })

  it('would notice a drift: a missing file and a name that is not exported', () => {
    const [gone] = linksOf('[`x`](../src/nowhere.ts)', RECIPES)
    expect(existsSync(join(ROOT, gone!.path))).toBe(false)
    const source = readFileSync(join(ROOT, 'jobs/job.ts'), 'utf8')
    expect(exportsName(source, 'JOB_POLL')).toBe(true)
    expect(exportsName(source, 'JobContextX')).toBe(false)
    expect(exportsName('const hidden = 1', 'hidden')).toBe(false)
  })
})
