import type { Intent, IntentType } from '../../src/parser/command-types'
import type { IntentRouter, MessageContext } from './message-context'

/**
 * A small composer in the spirit of grammY and Bolt: a route is an intent type and a chain of
 * middleware (guards first, the handler last); `use` adds middleware every message passes through.
 * A middleware that does not call `next` ends the chain, which is how guards and filters say no.
 */
export type Next = () => Promise<void>
export type Middleware<C> = (ctx: C, next: Next) => Promise<void> | void
/** A handler is the last link: it gets the context and answers. */
export type IntentContext<T extends IntentType> = MessageContext<Extract<Intent, { type: T }>>
export type Handler<T extends IntentType> = (ctx: IntentContext<T>) => Promise<void>

export function compose<C>(chain: readonly Middleware<C>[]): (ctx: C) => Promise<void> {
  return async (ctx) => {
    const step = async (i: number): Promise<void> => {
      const mw = chain[i]
      if (!mw) return
      let called = false
      await mw(ctx, async () => {
        if (called) throw new Error('next() called twice')
        called = true
        await step(i + 1)
      })
    }
    await step(0)
  }
}

export class Router implements IntentRouter {
  private readonly common: Middleware<MessageContext>[] = []
  private readonly routes = new Map<IntentType, (ctx: MessageContext) => Promise<void>>()
  private readonly guards = new Map<IntentType, (ctx: MessageContext) => Promise<void>>()

  /** Middleware for every message, before its route. */
  use(...middleware: Middleware<MessageContext>[]): this {
    this.common.push(...middleware)
    return this
  }

  /** The route for one intent: guards, then the handler. */
  on<T extends IntentType>(type: T, ...chain: [...Middleware<IntentContext<T>>[], Handler<T>] | [Handler<T>]): this {
    if (this.routes.has(type)) throw new Error(`route ${type} defined twice`)
    const handler = chain[chain.length - 1] as Handler<T>
    const guards = chain.slice(0, -1) as Middleware<IntentContext<T>>[]
    const run = compose<IntentContext<T>>([...guards, (ctx) => handler(ctx)])
    const check = compose<IntentContext<T>>([...guards, async () => undefined])
    // handle() picks this route by the intent's type, so the context it passes is an IntentContext<T>.
    this.routes.set(type, (ctx) => run(ctx as IntentContext<T>))
    this.guards.set(type, (ctx) => check(ctx as IntentContext<T>))
    return this
  }

  /** Runs the common middleware, then the intent's route. */
  async handle(ctx: MessageContext): Promise<void> {
    ctx.router = this
    await compose([...this.common, (c: MessageContext) => this.route(c)])(ctx)
  }

  /**
   * Only the intent's route: for one line of several, or the same message read as another intent
   * (`ctx.withIntent`), whose message already passed the common part.
   */
  async route(ctx: MessageContext): Promise<void> {
    const route = this.routes.get(ctx.intent.type)
    if (!route) throw new Error(`no route for ${ctx.intent.type}`)
    ctx.router = this
    await route(ctx)
  }

  /** The intent's guards only: what a typo's question must pass before it offers to record. */
  async allows(ctx: MessageContext): Promise<void> {
    const guards = this.guards.get(ctx.intent.type)
    if (!guards) throw new Error(`no route for ${ctx.intent.type}`)
    await guards(ctx)
  }

  /** Every intent type that has a route (a test checks none is missing). */
  types(): IntentType[] {
    return [...this.routes.keys()]
  }

  /** Which of these types (a list of command specs' types) have no route: none, or a command is unreachable. */
  unrouted(types: readonly string[]): string[] {
    return types.filter((t) => !this.routes.has(t as IntentType))
  }
}
