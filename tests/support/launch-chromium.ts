import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) headless, with Noto Sans SC from
 * node_modules added to the system's fonts: a machine without a CJK font would otherwise draw every
 * Chinese character of a screenshot as a box.
 */
export async function launchChromium(): Promise<Browser> {
  const fonts = dirname(
    dirname(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
  )
  const dir = mkdtempSync(join(tmpdir(), 'fontconfig-'))
  const conf = join(dir, 'fonts.conf')
  writeFileSync(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fonts}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  )
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    env: { ...process.env, FONTCONFIG_FILE: conf } as Record<string, string>,
  })
}
