import { maskSensitive } from '../src/domain/mask-sensitive'

function averageMs(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn()
  const started = performance.now()
  for (let i = 0; i < runs; i++) fn()
  return (performance.now() - started) / runs
}

/**
 * Every message is masked before it is stored, journaled or posted. The floor: one regex pass that
 * replaces every digit of the same text, the least any masking can do. The ratio for a realistic 2,000
 * character message says what masking costs next to that; the scale ratio (20,000 digits in a row vs
 * 2,000) shows the time stays linear in the worst inputs (target about 10, i.e. no quadratic blow-up).
 */
export function maskScale(runs: number) {
  const message = '今天上午走访了刘翠花大姐家，电话138-0013-8002，11月20日资助1500元。\n'.repeat(40).slice(0, 2000)
  const maskMs = averageMs(() => maskSensitive(message), runs)
  const floorMs = averageMs(() => message.replace(/[0-9０-９]/g, '*'), runs)
  const worst = (n: number) =>
    Math.max(
      averageMs(() => maskSensitive('1'.repeat(n)), Math.max(5, runs / 10)),
      averageMs(() => maskSensitive('1 '.repeat(n / 2)), Math.max(5, runs / 10)),
      averageMs(() => maskSensitive('6222 '.repeat(n / 5)), Math.max(5, runs / 10)),
    )
  const small = worst(2_000)
  const large = worst(20_000)
  return {
    name: 'mask-scale',
    messageChars: message.length,
    maskMs: Number(maskMs.toFixed(4)),
    floorMs: Number(floorMs.toFixed(4)),
    ratio: Number((maskMs / floorMs).toFixed(1)),
    worst2kMs: Number(small.toFixed(3)),
    worst20kMs: Number(large.toFixed(3)),
    scaleRatio: Number((large / small).toFixed(1)),
    target: 'scaleRatio <= 15 (linear: 10); a realistic message masked in well under a millisecond',
  }
}
