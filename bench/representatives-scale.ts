import { startRealBot } from './real-bot'

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

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

/**
 * `#联系` of a name that is not on the list, through the real bot (simulator, real handlers, real
 * database), from executives of a unit with 100 names on its list and of a sibling unit with 10,000,
 * one message at a time and taking turns, so both sides meet the same load on a shared machine. The
 * name is looked up in the list's index, so the ratio of the medians stays near 1 (it grew with the
 * square of the list before: 5–8 s a message at 10,000). The first messages build the indexes and
 * warm the bot up, untimed.
 */
export async function representativesScale(small: number, large: number, commands: number) {
  const { session, server, db, stop } = await startRealBot('representatives', 1)
  try {
    const names = listNames(large)
    const sides = await Promise.all(
      [
        { unit: '名单一百区', list: names.slice(0, small) },
        { unit: '名单一万区', list: names },
      ].map(async ({ unit, list }, side) => {
        const org = await db.repos.orgs.ensure(unit, '襄阳市')
        const room = `${unit}执委群`
        const people = Array.from({ length: 10 }, (_, i) => `${'甲乙'[side]}执委${i}`)
        for (const name of people)
          await db.repos.members.upsertByName({ name, role: 'executive', orgId: org.id }, new Date())
        const roomId = session.world.room(room)
        await db.repos.groups.bind(
          { roomId, topic: room, kind: 'executive', orgId: org.id, boundBy: org.id },
          new Date(),
        )
        const started = performance.now()
        await db.repos.representatives.add(org.id, list, new Date())
        return { room, people, importMs: performance.now() - started, ms: [] as number[] }
      }),
    )
    const off = [...'菲倩茜婉妍琪璐瑾']
    let n = 0
    const say = async (side: (typeof sides)[number], timed: boolean) => {
      const i = n++
      const name = `欧阳${off[i % off.length]}${off[Math.floor(i / off.length) % off.length]}`
      const started = performance.now()
      await session.say({ from: side.people[i % side.people.length]!, text: `#联系 ${name}`, room: side.room })
      if (timed) side.ms.push(performance.now() - started)
    }
    for (let i = 0; i < 20; i++) await say(sides[i % 2]!, false)
    for (let i = 0; i < commands * 2; i++) await say(sides[i % 2]!, true)
    const [few, many] = sides as [(typeof sides)[number], (typeof sides)[number]]
    return {
      name: 'representatives-scale',
      server,
      commands,
      listFirst: small,
      listSecond: large,
      p50MsFirst: Number(percentile(few.ms, 0.5).toFixed(1)),
      p50MsSecond: Number(percentile(many.ms, 0.5).toFixed(1)),
      p99MsSecond: Number(percentile(many.ms, 0.99).toFixed(1)),
      importMs: Math.round(many.importMs),
      ratio: Number((percentile(many.ms, 0.5) / percentile(few.ms, 0.5)).toFixed(3)),
      target: '<= 1.5: a name is looked up in the list, not compared with every name on it',
    }
  } finally {
    await stop()
  }
}
