import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** LibreOffice's command, or undefined where it is not installed (its tests then say so and skip). */
export function findSoffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim()
  }
  return undefined
}

/**
 * A fontconfig file that adds the Noto Sans SC the project already ships (for its charts), so Chinese
 * prints in a real Chinese font on a machine that has none, with the widths it will have on paper.
 */
function fontConfig(dir: string): string {
  const fonts = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))
  const file = join(dir, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>${fonts}</dir><dir>${join(fonts, '..', '700Bold')}</dir>
<cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>`,
  )
  return file
}

/**
 * Converts a file with LibreOffice headless (`soffice --convert-to`), in a profile of its own so that
 * it never waits on another LibreOffice running here. `infilter` names the import filter and its
 * options where the default import is not the one meant.
 */
export function convertWithLibreOffice(
  soffice: string,
  input: { name: string; data: Buffer },
  to: string,
  infilter?: string,
): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'lo-'))
  try {
    writeFileSync(join(dir, input.name), input.data)
    const args = [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      join(dir, 'out'),
      join(dir, input.name),
    ]
    const run = spawnSync(soffice, args, {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(dir) },
    })
    const out = join(dir, 'out', input.name.replace(/\.[^.]+$/, '') + '.' + to.split(':')[0])
    try {
      return readFileSync(out)
    } catch {
      throw new Error(`soffice made no ${to} (status ${run.status}): ${run.stderr || run.stdout}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The pages of a PDF and each one's size in points. Read from LibreOffice's page dictionaries
 * ("/Type/Page/Parent 7 0 R/Resources 29 0 R/MediaBox[0 0 841.9 595.3]…"): it writes no object streams.
 */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const dictionaries = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])[^>]*/g) ?? []
  return dictionaries.map((d) => {
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(d)
    return { width: Number(box?.[1] ?? NaN), height: Number(box?.[2] ?? NaN) }
  })
}

/**
 * Page `page` (from 1) of a PDF as a PNG at `file`, with poppler's pdftoppm where it is installed (for
 * the README's pictures of printed pages); false where it is not.
 */
export function savePageImage(pdf: Buffer, page: number, file: string, dpi = 100): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    const args = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile']
    const run = spawnSync('pdftoppm', [...args, join(dir, 'in.pdf'), file.replace(/\.png$/, '')])
    return run.status === 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
