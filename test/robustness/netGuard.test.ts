/**
 * The no-network guard used by e2e/network.spec.ts (e2e/support/netGuard.cjs) really refuses and records every
 * kind of outbound attempt, lets loopback through, and reaches child processes through NODE_OPTIONS, so an empty
 * log in the e2e run means "no attempt", not "not watched".
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { removeDir } from './support/workspaceChecks'

const run = promisify(execFile)
const GUARD = resolve(__dirname, '../../e2e/support/netGuard.cjs')
const root = mkdtempSync(join(tmpdir(), 'sb-netguard-'))
afterAll(() => removeDir(root))

const PROBE = `
const net = require('node:net'), dns = require('node:dns'), http = require('node:http'), https = require('node:https')
const { spawn } = require('node:child_process')
const settle = (f) => new Promise((ok) => { try { f(ok) } catch (e) { ok('threw ' + e.code) } })
;(async () => {
  const out = {}
  out.socket = await settle((ok) => net.connect(80, '203.0.113.7').on('error', (e) => ok('error ' + e.code)).on('connect', () => ok('connected')))
  out.dns = await settle((ok) => dns.lookup('example.com', (e) => ok(e ? 'error ' + e.code : 'resolved')))
  out.http = await settle((ok) => http.get('http://example.com/', () => ok('response')).on('error', (e) => ok('error ' + e.code)))
  out.https = await settle((ok) => https.get({ hostname: 'example.org', path: '/' }, () => ok('response')).on('error', (e) => ok('error ' + e.code)))
  out.fetch = await fetch('https://example.net/').then(() => 'response', (e) => 'rejected ' + (e.code || e.cause?.code))
  const server = http.createServer((q, s) => s.end('local ok')).listen(0, '127.0.0.1')
  await new Promise((ok) => server.once('listening', ok))
  out.loopback = await (await fetch('http://127.0.0.1:' + server.address().port + '/')).text()
  server.close()
  const child = 'require("node:net").connect(443, "198.51.100.9").on("error", () => process.exit(7))'
  out.child = await new Promise((ok) => spawn(process.execPath, ['-e', child], { stdio: 'inherit' }).on('exit', (c) => ok(c)))
  console.log(JSON.stringify(out))
})()
`

it('refuses and records sockets, DNS, http(s) and fetch to non-loopback hosts, in child processes too; loopback works', async () => {
  const log = join(root, 'net.log')
  const probe = join(root, 'probe.cjs')
  writeFileSync(probe, PROBE)
  const env = {
    ...process.env,
    SB_NET_GUARD_LOG: log,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${GUARD}`.trim()
  }
  const { stdout } = await run(process.execPath, [probe], { env, timeout: 60_000 })
  const out = JSON.parse(stdout) as Record<string, unknown>
  expect(out).toEqual({
    socket: 'error ECONNREFUSED',
    dns: 'error ECONNREFUSED',
    http: 'threw ECONNREFUSED',
    https: 'threw ECONNREFUSED',
    fetch: 'rejected ECONNREFUSED',
    loopback: 'local ok',
    child: 7
  })
  const lines = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { kind: string; pid: number; dest: string })
  const blocked = lines.filter((l) => l.kind === 'blocked').map((l) => l.dest)
  expect(blocked).toEqual(
    expect.arrayContaining([
      'socket 203.0.113.7:80',
      'dns example.com',
      'http.get example.com',
      'https.get example.org',
      'fetch example.net',
      'socket 198.51.100.9:443'
    ])
  )
  expect(blocked.some((d) => d.includes('127.0.0.1'))).toBe(false)
  // Armed in the probe and in its child: NODE_OPTIONS carries the guard into every Node process.
  expect(new Set(lines.filter((l) => l.kind === 'armed').map((l) => l.pid)).size).toBe(2)
})
