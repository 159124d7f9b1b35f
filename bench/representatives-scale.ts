import { drive } from './drive'
import { BENCH_GROUP, startRealBot } from './real-bot'

/** Names of two or three characters, distinct, none of them 欧阳…: as many as asked. */
function listNames(count: number): string[] {
  const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕']
  const first = [...'秀丽美玉芳桂兰英华红春梅冬雪晓静小淑金银凤彩云海燕']
  const second = ['', ...'珍娟萍霞琴莲娥香敏婷娜慧洁颖倩芬瑶琳菊艳']
  const out: string[] = []
  for (const b of second)
    for (const a of first)
      for (const s of surnames) {
        if (out.length === count) return out
        out.push(s + a + b)
      }
  return out
}

/**
 * `#联系` of a name that is not on the list, one at a time through the real bot (simulator, real
 * handlers, real database), with 100 names on her unit's list and then with 10,000: the name is
 * looked up in the list's index, so the ratio of the medians stays near 1 (it grew with the square of
 * the list before: 5–8 s a message at 10,000). The first message after the list changes builds the
 * index and is not timed.
 */
export async function representativesScale(small: number, large: number, commands: number) {
  const { session, server, db, stop } = await startRealBot('representatives', 20)
  try {
    const unit = (await db.repos.orgs.findByName('襄阳市'))!
    const names = listNames(large)
    let n = 0
    const off = [...'菲倩茜婉妍琪璐瑾']
    const say = () => {
      const i = n++
      const name = `欧阳${off[i % off.length]}${off[Math.floor(i / off.length) % off.length]}`
      return session.say({ from: `执委${i % 20}`, text: `#联系 ${name}`, room: BENCH_GROUP })
    }
    const run = async (warmUp: number) => {
      await drive(warmUp, 1, say)
      return drive(commands, 1, say)
    }
    await db.repos.representatives.add(unit.id, names.slice(0, small), new Date())
    // The first run also warms the bot up (JIT, caches, connections): more messages before it is timed.
    const first = await run(30)
    const started = performance.now()
    await db.repos.representatives.add(unit.id, names.slice(small), new Date())
    const importMs = performance.now() - started
    const second = await run(10)
    return {
      name: 'representatives-scale',
      server,
      commands,
      listFirst: small,
      listSecond: large,
      p50MsFirst: Number(first.p50Ms.toFixed(1)),
      p50MsSecond: Number(second.p50Ms.toFixed(1)),
      p99MsSecond: Number(second.p99Ms.toFixed(1)),
      importMs: Math.round(importMs),
      ratio: Number((second.p50Ms / first.p50Ms).toFixed(3)),
      target: '<= 1.5: a name is looked up in the list, not compared with every name on it',
    }
  } finally {
    await stop()
  }
}
