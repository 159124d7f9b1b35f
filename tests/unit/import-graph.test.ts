import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * No circle of files, counting `import type` too (ESLint's import-x/no-cycle skips type-only imports,
 * which are erased at run time but still tie two files together for a reader).
 */
const ROOT = resolve(__dirname, '../..')
const FOLDERS = ['src', 'handlers', 'jobs', 'bots', 'bench']
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/g

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return tsFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files)
  const target = (from: string, spec: string) =>
    [`${spec}.ts`, `${spec}/index.ts`, spec].map((p) => resolve(dirname(from), p)).find((p) => known.has(p))
  return new Map(
    files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)].flatMap((m) => target(f, m[1]!) ?? [])]),
  )
}

/** Strongly connected components of more than one file (Tarjan). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, index.size)
    low.set(v, index.get(v)!)
    stack.push(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const ring = stack.splice(stack.indexOf(v))
      if (ring.length > 1) found.push(ring)
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

test('no circle of files, type-only imports included', () => {
  const files = FOLDERS.flatMap((f) => tsFiles(join(ROOT, f)))
  expect(files.length).toBeGreaterThan(100)
  const rings = circles(importGraph(files)).map((r) => r.map((f) => relative(ROOT, f)))
  expect(rings).toEqual([])
})

test('the check sees a circle of type-only imports', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['a.ts']],
    ['c.ts', ['a.ts']],
  ])
  expect(circles(graph)).toEqual([['a.ts', 'b.ts']].map((r) => expect.arrayContaining(r)))
})
