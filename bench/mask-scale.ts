import { maskSensitive } from '../src/domain/mask-sensitive'

/** This process's CPU time per call, the least of three batches (wall time swings with other processes' work). */
function averageMs(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn()
  let least = Infinity
  for (let batch = 0; batch < 3; batch++) {
    const before = process.cpuUsage()
    for (let i = 0; i < runs; i++) fn()
    const used = process.cpuUsage(before)
    least = Math.min(least, (used.user + used.system) / 1000 / runs)
  }
  return least
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
  // The worst inputs for each way the mask reads digits: one long stretch, one digit at a time (the widest
  // window), groups of four, scripts alternating glued (a segment per digit), commas, and X's after digits.
  const worst = (n: number) =>
    Math.max(
      ...['1', '1 ', '6222 ', '1一', '139,', '1X ', '𝟏', '13O'].map((unit) =>
        averageMs(() => maskSensitive(unit.repeat(n / unit.length)), Math.max(5, runs / 10)),
      ),
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
