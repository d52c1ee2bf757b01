import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * How a launch URL reaches a browser without a command line: a command line is readable by every
 * account on the machine (`ps -axww`, /proc/PID/cmdline; issue 17 F1). The URL goes into a small
 * HTML page in a fresh folder only this account can open (0700, the file 0600); the browser is
 * given the page's path, which is no secret, and the page sends it on to Parley. The folder is
 * removed after `lifetimeMs` (the launch code is void by then anyway).
 *
 *   const page = writeLaunchPage(bridge.launchUrl()); spawn(browser, [`--app=${page.url}`])
 */
export function writeLaunchPage(launchUrl: string, lifetimeMs = 60_000): { path: string; url: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-launch-'))
  const path = join(dir, 'open-parley.html')
  const target = JSON.stringify(launchUrl).replace(/</g, '\\u003c')
  writeFileSync(
    path,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Opening Parley…</title>` +
      `<script>location.replace(${target})</script>`,
    { mode: 0o600 },
  )
  const remove = (): void => rmSync(dir, { recursive: true, force: true })
  setTimeout(remove, lifetimeMs).unref()
  return { path, url: `file://${path}`, remove }
}
