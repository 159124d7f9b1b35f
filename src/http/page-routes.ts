import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Router from '@koa/router'
import type Koa from 'koa'
import { z } from 'zod'
import { readJson } from './read-json'
import { LIMITS } from '../domain/vocabulary'

export interface SimulatedMessage {
  seq: number
  at: string
  room: string | null
  /** Private chat partner (the person, whichever side wrote). */
  to: string | null
  from: string
  text: string
  file: string | null
  /** A voice note (its transcript is the text). */
  voice?: boolean
}

/** What the chat page needs from the running simulator. */
export interface SimulatorApi {
  people(): Promise<{ name: string; role: string; org: string }[]>
  rooms(): string[]
  /** `voice`: a voice note whose WeChat transcript is `text`. */
  say(input: { room?: string; from: string; text: string; kind?: 'text' | 'voice' }): Promise<void>
  messages(after: number): SimulatedMessage[]
  file(seq: number): Buffer | undefined
}

const page = (name: string) => readFileSync(join(__dirname, 'pages', name), 'utf8')

const ASSETS: Record<string, string> = {
  'dashboard.js': 'application/javascript',
  'dashboard-admin.js': 'application/javascript',
  'dashboard-checklist.js': 'application/javascript',
  'dashboard-duty-reports.js': 'application/javascript',
  'dashboard-import.js': 'application/javascript',
  'dashboard-members.js': 'application/javascript',
  'dashboard-members.css': 'text/css',
  'dashboard.css': 'text/css',
  'simulator.js': 'application/javascript',
  'simulator.css': 'text/css',
}

/** The dashboard (any mode) and the simulator chat page (simulator mode only), with their scripts and styles. */
export function pageRoutes(simulator?: SimulatorApi, guard?: Koa.Middleware): Router {
  const router = new Router()
  const dashboard = page('dashboard.html')
  const chat = page('simulator.html')

  const assets = new Map(Object.keys(ASSETS).map((name) => [name, page(name)]))
  router.get('/assets/:name', (ctx) => {
    const body = assets.get(ctx.params.name ?? '')
    if (body === undefined) return
    ctx.type = `${ASSETS[ctx.params.name!]}; charset=utf-8`
    ctx.set('Cache-Control', 'no-cache')
    ctx.body = body
  })
  router.get('/', (ctx) => ctx.redirect(simulator ? '/simulator' : '/dashboard'))
  router.get('/dashboard', (ctx) => {
    ctx.type = 'html'
    ctx.body = dashboard
  })
  if (!simulator) return router

  router.get('/simulator', (ctx) => {
    ctx.type = 'html'
    ctx.body = chat
  })
  if (guard) router.use('/simulator/api', guard)
  router.get('/simulator/api/state', async (ctx) => {
    ctx.body = { people: await simulator.people(), rooms: simulator.rooms() }
  })
  router.get('/simulator/api/messages', (ctx) => {
    const after = z.coerce.number().int().min(0).catch(0).parse(ctx.query.after)
    ctx.body = simulator.messages(after)
  })
  router.get('/simulator/api/files/:seq', (ctx) => {
    const data = simulator.file(Number(ctx.params.seq))
    if (!data) ctx.throw(404, 'No such file.')
    ctx.type = 'image/png'
    ctx.body = data
  })
  router.post('/simulator/api/say', async (ctx) => {
    const message = await readJson(
      ctx,
      z.object({
        room: z.string().min(1).max(LIMITS.name).optional(),
        from: z.string().trim().min(1).max(LIMITS.name),
        text: z.string().min(1).max(5000),
        kind: z.enum(['text', 'voice']).optional(),
      }),
      20_000,
    )
    await simulator.say(message)
    ctx.body = { ok: true }
  })
  return router
}
