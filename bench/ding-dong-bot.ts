import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createSimulatorWorld } from '../bots/simulator-world'
import { toIncoming } from '../bots/message-adapter'
import { createWechatySender } from '../bots/wechaty-sender'

/**
 * The floor for the throughput and memory benchmarks: the same Wechaty, simulator puppet, adapter and
 * sender as the real bot, but it only answers "dong": no parsing, no database.
 */
export async function startDingDongBot(botName: string) {
  const mocker = new mock.Mocker()
  const wechaty = WechatyBuilder.build({ name: 'ding-dong', puppet: new PuppetMock({ mocker }) })
  const world = createSimulatorWorld(mocker, botName)
  const send = createWechatySender(wechaty)
  const waiters = new Map<string, () => void>()
  wechaty.on('message', async (message) => {
    const incoming = await toIncoming(message)
    if (!incoming) return
    if (incoming.roomId) await send.toRoom(incoming.roomId, 'dong', [incoming.talkerId])
    else await send.toContact(incoming.talkerId, 'dong')
    waiters.get(incoming.id)?.()
  })
  await wechaty.start()
  await new Promise<void>((resolve) => {
    wechaty.once('login', () => resolve())
    world.login()
  })
  let tick = 0
  return {
    async say(input: { from: string; text: string; room?: string }) {
      await new Promise<void>((resolve) => {
        const id = world.say({ ...input, timestamp: Date.now() + tick++ })
        waiters.set(id, resolve)
      })
    },
    stop: () => wechaty.stop(),
  }
}
