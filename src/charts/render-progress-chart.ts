import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import type { Standing } from '../domain/standing'

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

export interface ChartInput {
  title: string
  subtitle: string
  standings: readonly Standing[]
}

/** A horizontal bar per executive (items done of the checklist), green when on track, orange when behind. */
export function renderProgressChart(input: ChartInput): Buffer {
  ensureFont()
  const rows = [...input.standings].sort((a, b) => b.done - a.done || a.name.localeCompare(b.name, 'zh'))
  const width = 900
  const rowHeight = 34
  const top = 110
  const height = top + Math.max(rows.length, 1) * rowHeight + 60
  const canvas = createCanvas(width, height)
  const g = canvas.getContext('2d')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, width, height)

  g.fillStyle = COLORS.title
  g.font = `30px ${FONT}`
  g.fillText(input.title, 30, 48)
  g.fillStyle = COLORS.muted
  g.font = `18px ${FONT}`
  g.fillText(input.subtitle, 30, 82)

  const labelX = 30
  const barX = 190
  const barWidth = 560
  g.font = `18px ${FONT}`
  rows.forEach((row, i) => {
    const y = top + i * rowHeight
    g.fillStyle = COLORS.text
    g.fillText(row.name.length > 8 ? row.name.slice(0, 8) + '…' : row.name, labelX, y + 20)
    g.fillStyle = COLORS.rest
    g.fillRect(barX, y + 4, barWidth, 22)
    g.fillStyle = row.onTrack ? COLORS.onTrack : COLORS.behind
    g.fillRect(barX, y + 4, (barWidth * row.done) / Math.max(row.total, 1), 22)
    g.fillStyle = COLORS.text
    g.fillText(`${row.done}/${row.total}`, barX + barWidth + 14, y + 21)
  })
  if (rows.length === 0) {
    g.fillStyle = COLORS.muted
    g.fillText('本单位还没有登记执委', barX, top + 20)
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
  g.fillText('（按清单完成项数；落后 = 少于按时间推算应完成的项数）', 270, legendY)
  return canvas.toBuffer('image/png')
}
