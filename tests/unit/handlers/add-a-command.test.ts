/**
 * Adding a `#` command takes one spec, one route and one handler (docs/recipes.md): the parser, #帮助,
 * typo suggestions and the routes' exhaustiveness check pick it up from the spec. The command here is
 * declared in this test only, so the bot's own list stays as it is.
 */
import { COMMAND_SPECS } from '../../../src/parser/command-specs'
import { commandBook } from '../../../src/parser/command-book'
import { defineCommand, parsed } from '../../../src/parser/command-spec'
import { closestCommands } from '../../../src/parser/fuzzy-command'
import { parseCommand } from '../../../src/parser/parse-command'
import type { IntentType } from '../../../src/parser/command-types'
import { createRoutes } from '../../../handlers/routes'
import { registered } from '../../../handlers/core/guards'
import type { Handler } from '../../../handlers/core/composer'
import { createHandlerHarness } from '../../support/handler-harness'

// 1. The spec: its words, its help line, and what it parses to.
const signIn = defineCommand({
  word: '签到',
  aliases: ['今日签到'],
  type: 'signIn',
  usage: '#签到',
  example: '#签到',
  summary: '告诉我您今天在岗',
  readOnly: true,
  parse: () => parsed({ type: 'signIn' }),
})
const book = commandBook([...COMMAND_SPECS, signIn])

// 2. The handler.
const handleSignIn: Handler<IntentType> = async (ctx) => ctx.reply('已签到。')

// 3. The route. Its type is named by a cast only because this command lives in a test: a spec added to
// COMMAND_SPECS puts its type in the Intent union, and `on` then takes it as it is.
const routesWithSignIn = () => createRoutes().on('signIn' as IntentType, registered, handleSignIn)

async function setup() {
  const h = createHandlerHarness({ commands: book, routes: routesWithSignIn() })
  await h.roster([{ name: '张秀英', role: 'executive', org: '白庙村' }])
  return h
}

describe('a command added with one spec, one route, one handler', () => {
  it('is parsed from its spec, and not by the bot’s own list', () => {
    expect(parseCommand('#签到', { botName: '妇联助手', requireHash: true, book })).toEqual({
      ok: true,
      command: { type: 'signIn' },
    })
    expect(parseCommand('#签到', { botName: '妇联助手', requireHash: true })).toMatchObject({
      ok: false,
      error: { code: 'unknownCommand' },
    })
  })

  it('is answered down its route', async () => {
    const h = await setup()
    await h.say({ from: '张秀英', text: '#签到' })
    expect(h.take().map((s) => s.text)).toEqual(['已签到。'])
    await h.say({ from: '张秀英', text: '#今日签到' })
    expect(h.take().map((s) => s.text)).toEqual(['已签到。'])
  })

  it('is listed in #帮助 and explained by #帮助 签到', async () => {
    const h = await setup()
    await h.say({ from: '张秀英', text: '#帮助' })
    expect(h.take()[0]!.text).toContain('#签到 — 告诉我您今天在岗')
    await h.say({ from: '张秀英', text: '#帮助 签到' })
    expect(h.take()[0]!.text).toContain('用法：#签到')
  })

  it('is what a one-character typo of it means', async () => {
    expect(closestCommands('签道', book.specs)[0]?.word).toBe('签到')
    expect(closestCommands('签道').map((s) => s.word)).not.toContain('签到')
    const h = await setup()
    await h.say({ from: '张秀英', text: '#签道' })
    const [reply] = h.take()
    expect(reply!.text).toContain('“签道”我当作 #签到')
    expect(reply!.text).toContain('已签到。')
  })

  it('is caught by the routes check until its route is added', () => {
    const types = book.specs.map((s) => s.type)
    expect(createRoutes().unrouted(types)).toEqual(['signIn'])
    expect(routesWithSignIn().unrouted(types)).toEqual([])
  })

  it('keeps its guards: someone not on the roster is refused', async () => {
    const h = await setup()
    await h.say({ from: '陌生人', text: '#签到' })
    expect(h.take().map((s) => s.text)).not.toContain('已签到。')
    expect(h.userErrors.length).toBeGreaterThan(0)
  })
})
