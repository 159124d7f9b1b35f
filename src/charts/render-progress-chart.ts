import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { MAX_BARS } from '../domain/weekly-view'

const FONT = 'NotoSansSC'
let fontReady = false

/** Noto Sans SC ships inside an npm package, so charts draw Chinese on any machine without system fonts. */
function ensureFont(): void {
  if (fontReady) return
  GlobalFonts.registerFromPath(
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    FONT,
  )
  fontReady = true
}

const COLORS = {
  onTrack: '#2e7d32',
  behind: '#ef6c00',
  rest: '#e0e0e0',
  text: '#212121',
  muted: '#757575',
  title: '#ad1457',
}

/** One bar: a person's items done, or a unit's average, of `max`. */
export interface Bar {
  label: string
  value: number
  max: number
  /** Green when on track, orange when behind. */
  ok: boolean
  /** Written after the bar, e.g. "5/8" or "5.2 项 · 正常 80%". */
  valueText: string
}

export interface ChartInput {
  title: string
  subtitle: string
  bars: readonly Bar[]
  /** A line under the bars, e.g. that only the 40 furthest behind are drawn. */
  note?: string
  /** Says what the bars are, after the colour legend. */
  legend: string
  empty?: string
}

const WIDTH = 900
const ROW = 34
const TOP = 110
const BOTTOM = 60

/**
 * The chart's size whatever it is given: 900 px wide, at most 110 + 41 × 34 + 60 = 1,564 px tall (at most
 * MAX_BARS bars and a note), so a 10,000-person tree still makes a picture of well under 1 MB.
 */
export const CHART_BOUND = { width: WIDTH, maxHeight: TOP + (MAX_BARS + 1) * ROW + BOTTOM }

const clipLabel = (s: string, max = 8) => ([...s].length > max ? [...s].slice(0, max).join('') + '…' : s)

/** Horizontal bars, green when on track and orange when behind; at most MAX_BARS of them. */
export function renderProgressChart(input: ChartInput): Buffer {
  ensureFont()
  const bars = input.bars.slice(0, MAX_BARS)
  const note = input.note ?? (input.bars.length > MAX_BARS ? `另有 ${input.bars.length - MAX_BARS} 项未画出` : '')
  const rows = Math.max(bars.length, 1) + (note ? 1 : 0)
  const height = TOP + rows * ROW + BOTTOM
  const canvas = createCanvas(WIDTH, height)
  const g = canvas.getContext('2d')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, WIDTH, height)

  g.fillStyle = COLORS.title
  g.font = `30px ${FONT}`
  g.fillText(input.title, 30, 48)
  g.fillStyle = COLORS.muted
  g.font = `18px ${FONT}`
  g.fillText(input.subtitle, 30, 82)

  const labelX = 30
  const barX = 190
  const barWidth = 460
  g.font = `18px ${FONT}`
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW
    g.fillStyle = COLORS.text
    g.fillText(clipLabel(bar.label), labelX, y + 20)
    g.fillStyle = COLORS.rest
    g.fillRect(barX, y + 4, barWidth, 22)
    g.fillStyle = bar.ok ? COLORS.onTrack : COLORS.behind
    g.fillRect(barX, y + 4, (barWidth * Math.min(bar.value, bar.max)) / Math.max(bar.max, 1), 22)
    g.fillStyle = COLORS.text
    g.fillText(bar.valueText, barX + barWidth + 14, y + 21)
  })
  if (bars.length === 0) {
    g.fillStyle = COLORS.muted
    g.fillText(input.empty ?? '本单位还没有登记执委', barX, TOP + 20)
  }
  if (note) {
    g.fillStyle = COLORS.muted
    g.fillText(note, labelX, TOP + Math.max(bars.length, 1) * ROW + 20)
  }

  const legendY = height - 26
  g.fillStyle = COLORS.onTrack
  g.fillRect(30, legendY - 14, 16, 16)
  g.fillStyle = COLORS.text
  g.fillText('进度正常', 52, legendY)
  g.fillStyle = COLORS.behind
  g.fillRect(150, legendY - 14, 16, 16)
  g.fillStyle = COLORS.text
  g.fillText('进度落后', 172, legendY)
  g.fillStyle = COLORS.muted
  g.fillText(input.legend, 270, legendY)
  return canvas.toBuffer('image/png')
}
