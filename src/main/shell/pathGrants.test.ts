import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CHANNELS } from '../../shared/channels'
import { inputs } from '../../shared/contract'
import { PATH_FIELDS, PathGrants } from './pathGrants'

let dir = ''
let grants: PathGrants
const file = (name: string, text = 'a,b\n1,2\n'): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-grants-'))
  grants = new PathGrants('pick it with File > Import')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('PathGrants', () => {
  it('grants the chosen file, under any spelling of it, and nothing beside it', async () => {
    const chosen = file('chosen.csv')
    const sibling = file('sibling.csv')
    mkdirSync(join(dir, 'sub'))
    const link = join(dir, 'link.csv')
    symlinkSync(chosen, link)
    await grants.grant(chosen)

    expect(await grants.isGranted(chosen)).toBe(true)
    expect(await grants.isGranted(join(dir, 'sub', '..', 'chosen.csv'))).toBe(true)
    expect(await grants.isGranted(link)).toBe(true)
    expect(await grants.isGranted(sibling)).toBe(false)
    expect(await grants.isGranted('/etc/passwd')).toBe(false)
    expect(await grants.isGranted(join(dir, 'missing.csv'))).toBe(false)
  })

  it('follows a symlink at check time: one re-pointed after the grant reads nothing new', async () => {
    const chosen = file('chosen.csv')
    const secret = file('secret.txt', 'password')
    const link = join(dir, 'export.csv')
    symlinkSync(chosen, link)
    await grants.grant(link)
    expect(await grants.isGranted(link)).toBe(true)

    unlinkSync(link)
    symlinkSync(secret, link)
    expect(await grants.isGranted(link)).toBe(false)
    expect(await grants.isGranted(chosen)).toBe(true)
  })

  it('grants only existing regular files: never a folder, a device or a missing path', async () => {
    await expect(grants.grant(dir)).rejects.toThrow(/Not a readable file/)
    await expect(grants.grant('/dev/zero')).rejects.toThrow(/Not a readable file/)
    await expect(grants.grant(join(dir, 'missing.csv'))).rejects.toThrow(/Not a readable file/)
    expect(await grants.isGranted(dir)).toBe(false)
    expect(await grants.isGranted('/dev/zero')).toBe(false)
  })

  it('refuses a relative path even when it names a granted file from the current folder', async () => {
    const chosen = file('chosen.csv')
    await grants.grant(chosen)
    const cwd = process.cwd()
    try {
      process.chdir(dir)
      expect(await grants.isGranted('chosen.csv')).toBe(false)
    } finally {
      process.chdir(cwd)
    }
  })

  it('grantFromRenderer: a Result for the preload, granting only absolute paths of regular files', async () => {
    const dropped = file('dropped.csv')
    expect(await grants.grantFromRenderer(dropped)).toEqual({ ok: true, value: null })
    expect(await grants.isGranted(dropped)).toBe(true)
    expect(await grants.grantFromRenderer('dropped.csv')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await grants.grantFromRenderer(42)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await grants.grantFromRenderer(dir)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `${dir} is not a readable file (a folder, a device or gone)` }
    })
    expect(await grants.isGranted(dir)).toBe(false)
  })

  it('refuse: a specific FORBIDDEN for an ungranted path; null for granted paths and channels without one', async () => {
    const chosen = file('chosen.csv')
    await grants.grant(chosen)

    expect(await grants.refuse('previewImport', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'previewImport: /etc/passwd is not a file you chose; pick it with File > Import'
      }
    })
    expect(await grants.refuse('importFile', { path: '/etc/passwd', jobId: 'j' })).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })
    expect(await grants.refuse('readQueryPack', { path: join(dir, 'other.sbq.json') })).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })

    expect(await grants.refuse('previewImport', { path: chosen })).toBeNull()
    expect(await grants.refuse('importFile', { path: chosen, jobId: 'j' })).toBeNull()
    // No path to check: readQueryPack by text, or a channel that never opens a file.
    expect(await grants.refuse('readQueryPack', { text: '{}' })).toBeNull()
    expect(await grants.refuse('listDatasets', undefined)).toBeNull()
    // Not a string: left to the engine's schema, which refuses it as BAD_INPUT.
    expect(await grants.refuse('previewImport', { path: ['/etc/passwd'] })).toBeNull()
  })
})

/** The object shape of a channel's input schema (through `.optional()`), or null for z.void() and the like. */
function shapeOf(schema: z.ZodType): Record<string, unknown> | null {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, unknown>) : null
}

describe('SHELL_ONLY_CHANNELS', () => {
  it('refuses a page asking to export, duplicate or extract a workspace, whatever it names', async () => {
    const archive = file('a.sbw')
    await grants.grant(archive)
    for (const [channel, input] of [
      ['exportWorkspace', { out: join(dir, 'x.sbw') }],
      ['duplicateWorkspace', { into: join(dir, 'copy') }],
      ['openWorkspaceArchive', { archive, into: join(dir, 'opened') }]
    ] as const) {
      expect(await grants.refuse(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await grants.refuse('listDatasets', undefined)).toBeNull()
  })
})

describe('PATH_FIELDS', () => {
  it('names every channel whose input has a path, so none reaches the engine unchecked', () => {
    const withPath = CHANNELS.filter((c) => {
      const shape = shapeOf(inputs[c] as z.ZodType)
      return shape !== null && Object.keys(shape).some((k) => /path/i.test(k))
    })
    expect(withPath.length).toBeGreaterThan(0)
    expect(Object.fromEntries(withPath.map((c) => [c, PATH_FIELDS[c]]))).toEqual(
      Object.fromEntries(withPath.map((c) => [c, 'path']))
    )
    expect(Object.keys(PATH_FIELDS).sort()).toEqual([...withPath].sort())
  })
})
