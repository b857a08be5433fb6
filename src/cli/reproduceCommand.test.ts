/**
 * `socialbench reproduce FILE` (the real compiled command): exit 0 and "Identical" for a PNG exported from the same
 * workspace; exit 1 and the figures that moved once the data has changed; a file without a setup is refused by name.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../main/engine/engine'
import { invoke } from '../main/engine/invoke'

const BIN = resolve(__dirname, '../../bin/socialbench.cjs')
let root = ''
let png = ''
let firstId = 0

const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000 }, (err, stdout, stderr) =>
      done({ code: err ? Number(err.code ?? -1) : 0, stdout, stderr })
    )
  )

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-reproduce-cli-'))
  const engine = await openEngine(join(root, 'ws'))
  try {
    await invoke(engine, 'loadSample')
    const ids = (await invoke(engine, 'listInstitutions')).slice(0, 3).map((i) => i.institutionId)
    firstId = ids[0]
    const out = await invoke(engine, 'exportChart', {
      request: { institutionIds: ids, convention: 'followers_at_post', preset: 'last90' },
      chartId: 'followers',
      format: 'png',
      size: 'chart'
    })
    png = join(root, out.fileName)
    writeFileSync(png, out.bytes)
  } finally {
    engine.close()
  }
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench reproduce', () => {
  it('exit 0 when identical, exit 1 with the differences once the data changed', async () => {
    const same = await cli('reproduce', png, '--workspace', join(root, 'ws'))
    expect([same.code, same.stderr]).toEqual([0, ''])
    expect(same.stdout).toMatch(/^Identical: all \d+ numbers and chart tables are the same/)
    expect(same.stdout).toMatch(/(\d+) of \1 source files are unchanged\./)

    const engine = await openEngine(join(root, 'ws'))
    try {
      const account = (await invoke(engine, 'listAccounts')).find((a) => a.institutionId === firstId)!
      await invoke(engine, 'assignAccount', { accountId: account.accountId, institutionId: null })
    } finally {
      engine.close()
    }
    const moved = await cli('reproduce', png, '--workspace', join(root, 'ws'), '--json')
    expect(moved.code).toBe(1)
    const r = JSON.parse(moved.stdout)
    expect(r.identical).toBe(false)
    expect(r.differences.some((d: { name: string }) => d.name.endsWith(' / posts'))).toBe(true)
  }, 120_000)

  it('refuses a file that carries no setup, naming it', async () => {
    const plain = join(root, 'plain.png')
    writeFileSync(plain, Buffer.from('89504e470d0a1a0a', 'hex'))
    const r = await cli('reproduce', plain, '--workspace', join(root, 'ws'))
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(
      'socialbench reproduce: plain.png: carries no Socialbench setup (was it exported by Socialbench 0.1 or later?).'
    )
  }, 60_000)
})
