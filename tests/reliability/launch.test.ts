/**
 * Issue 17 F1: `npm start` ran `serve --open`, which started Chromium with the session token in
 * `--app=http://127.0.0.1:PORT/?t=TOKEN`; command lines are readable by every local account. Now
 * the browser gets the path of a page only this account can read, the page holds a one-time
 * launch code (not the key), and the key never leaves the page's memory except as a header.
 * The test runs the real `parley serve --open` with a stand-in browser that records what it was
 * given and what every process of the run shows in /proc/PID/cmdline.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, send, startServer, type Server } from './bridge-harness'

let dir = ''
let server: Server | null = null

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-launch-test-'))
})

afterAll(async () => {
  if (server) await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}

describe('launching the browser (issue 17 F1)', () => {
  it.skipIf(process.platform !== 'linux')(
    'no secret on any command line: the browser gets a 0600 page holding a one-time code, which is not the key',
    async () => {
      const record = join(dir, 'browser.json')
      // A stand-in for Chromium: writes down its argv and the page it was handed, as it sees them.
      const fake = join(dir, 'fake-chromium')
      writeFileSync(
        fake,
        `#!${process.execPath}\nconst fs = require('fs')\nconst app = process.argv.find((a) => a.startsWith('--app=')) || ''\nconst file = decodeURIComponent(app.slice('--app=file://'.length))\nconst st = fs.statSync(file)\nfs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv, self: fs.readFileSync('/proc/self/cmdline', 'utf8'), page: fs.readFileSync(file, 'utf8'), file, mode: st.mode & 0o777, dirMode: fs.statSync(require('path').dirname(file)).mode & 0o777 }))\n`,
      )
      chmodSync(fake, 0o755)
      server = await startServer(await buildCli(), {
        notebook: join(dir, 'n.parley'),
        cwd: dir,
        args: ['--open'],
        env: { PARLEY_CHROMIUM: fake, DISPLAY: ':0' },
      })
      for (let i = 0; i < 100 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 100))
      const seen = JSON.parse(readFileSync(record, 'utf8')) as {
        argv: string[]
        self: string
        page: string
        file: string
        mode: number
        dirMode: number
      }
      const code = /#launch=([\w-]+)/.exec(seen.page)?.[1] ?? ''
      expect(code).not.toBe('')
      // Nothing secret on the browser's command line or the server's.
      const lines = [seen.argv.join(' '), seen.self, cmdline(server.child.pid ?? 0)]
      for (const line of lines) {
        expect(line).not.toContain(server.token)
        expect(line).not.toContain(code)
        expect(line).not.toContain(server.launchCode)
        expect(line).not.toMatch(/[?#&](t|launch)=/)
      }
      // The page is readable by this account only.
      expect(seen.mode).toBe(0o600)
      expect(seen.dirMode).toBe(0o700)
      // The window's code is its own (not the printed one, not the key), works once, and gives the key.
      expect(code).not.toBe(server.launchCode)
      expect(code).not.toBe(server.token)
      const redeem = () =>
        send(server!.port, '/api/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        })
      const first = await redeem()
      expect(first.status).toBe(200)
      expect(JSON.parse(first.body)).toEqual({ token: server.token })
      expect((await redeem()).status).toBe(401)
      expect(statSync(seen.file).isFile()).toBe(true)
    },
  )
})
