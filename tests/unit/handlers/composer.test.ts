import { COMMAND_SPECS } from '../../../src/parser/command-specs'
import { compose, Router } from '../../../handlers/core/composer'
import { createRoutes } from '../../../handlers/routes'
import type { MessageContext } from '../../../handlers/core/message-context'
import type { IntentType } from '../../../src/parser/command-types'

describe('compose', () => {
  it('runs middleware in order, around what comes after, and stops where next is not called', async () => {
    const seen: string[] = []
    await compose<string[]>([
      async (log, next) => {
        log.push('a>')
        await next()
        log.push('<a')
      },
      (log, next) => {
        log.push('b')
        return next()
      },
      (log) => {
        log.push('stop')
      },
      (log) => {
        log.push('never')
      },
    ])(seen)
    expect(seen).toEqual(['a>', 'b', 'stop', '<a'])
  })

  it('refuses a middleware that calls next twice', async () => {
    await expect(compose<object>([async (_c, next) => (await next(), next())])({})).rejects.toThrow(
      'next() called twice',
    )
  })
})

describe('routes', () => {
  it('route every intent the parser can produce', () => {
    // A Record over every intent type: adding an intent without listing it here fails to compile.
    const every: Record<IntentType, true> = {
      duty: true,
      autoRecord: true,
      groupReport: true,
      groupAsk: true,
      pick: true,
      redate: true,
      diary: true,
      need: true,
      resolveNeed: true,
      claimNeed: true,
      constituentRequest: true,
      constituentHint: true,
      progress: true,
      dutyReport: true,
      undo: true,
      summary: true,
      notice: true,
      ack: true,
      bind: true,
      checklist: true,
      addedItem: true,
      unbound: true,
      unbind: true,
      bindCode: true,
      iAm: true,
      receipts: true,
      rotation: true,
      setting: true,
      help: true,
      parseError: true,
      records: true,
      correct: true,
      unknownCommand: true,
      batch: true,
      sentence: true,
      answer: true,
      unheard: true,
      media: true,
    }
    const all = Object.keys(every)
    expect(createRoutes().types().sort()).toEqual([...all].sort())
    // And at run time: every command a spec declares has its route.
    expect(createRoutes().unrouted(COMMAND_SPECS.map((s) => s.type))).toEqual([])
  })

  it('refuses a second route for one intent', () => {
    const router = new Router().on('help', async () => undefined)
    expect(() => router.on('help', async () => undefined)).toThrow('route help defined twice')
  })

  it('runs common middleware before the route', async () => {
    const seen: string[] = []
    const router = new Router()
      .use((_ctx, next) => (seen.push('common'), next()))
      .on('help', async () => void seen.push('help'))
    await router.handle({ intent: { type: 'help' } } as MessageContext)
    expect(seen).toEqual(['common', 'help'])
  })
})
