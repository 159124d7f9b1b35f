/**
 * The OpenAPI document says what the router serves: every route of /api/v1 is in the document with its
 * methods, and the document lists nothing the router does not serve.
 */
import { apiRoutes, type ApiDeps } from '../../src/http/api-routes'
import { openApiDocument } from '../../src/http/openapi'
import { createMemoryRepos } from '../support/memory-repos'
import { createMetrics } from '../../src/http/metrics'
import { silentLogger } from '../../src/logger'
import { systemClock } from '../../src/clock'

/** "/api/v1/members/:id/move GET" in the router's words, "{id}" in the document's. */
const routeKeys = () => {
  const deps = {
    repos: createMemoryRepos(),
    clock: systemClock,
    tz: 'Asia/Shanghai',
    log: silentLogger,
    metrics: createMetrics(),
  } as unknown as ApiDeps
  const keys = new Set<string>()
  for (const layer of apiRoutes(deps).stack)
    for (const method of layer.methods.filter((m) => m !== 'HEAD'))
      keys.add(`${String(layer.path).replace(/:(\w+)/g, '{$1}')} ${method}`)
  return keys
}

const documentKeys = () => {
  const keys = new Set<string>()
  for (const [path, item] of Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>))
    if (path.startsWith('/api/v1/') && path !== '/api/v1/openapi.json')
      for (const method of Object.keys(item)) keys.add(`${path} ${method.toUpperCase()}`)
  return keys
}

describe('the OpenAPI document', () => {
  it('lists every route the API serves, and nothing else', () => {
    const served = routeKeys()
    const documented = documentKeys()
    expect([...served].filter((k) => !documented.has(k)).sort()).toEqual([])
    expect([...documented].filter((k) => !served.has(k)).sort()).toEqual([])
    expect(served.size).toBeGreaterThan(20)
  })
})
