import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMORY_LIMIT, Database, memoryLimit } from './duckdb'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-db-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('memory limit', () => {
  it('defaults to a laptop-sized budget, overridable with a DuckDB size', () => {
    expect(memoryLimit({})).toBe(DEFAULT_MEMORY_LIMIT)
    expect(memoryLimit({ SOCIALBENCH_MEMORY_LIMIT: '4GB' })).toBe('4GB')
    expect(memoryLimit({ SOCIALBENCH_MEMORY_LIMIT: '512 MiB' })).toBe('512 MiB')
    // Anything else is ignored rather than handed to DuckDB as SQL-ish text.
    expect(memoryLimit({ SOCIALBENCH_MEMORY_LIMIT: "1GB'; ATTACH 'x" })).toBe(DEFAULT_MEMORY_LIMIT)
    expect(memoryLimit({ SOCIALBENCH_MEMORY_LIMIT: 'lots' })).toBe(DEFAULT_MEMORY_LIMIT)
  })

  it('is what the opened workspace database runs with', async () => {
    const db = await Database.open(join(dir, 'w.duckdb'))
    try {
      const [r] = await db.all(`SELECT current_setting('memory_limit') AS m`)
      // DuckDB reports the limit in its own units (1GB → "953.6 MiB").
      expect(String(r.m)).toMatch(/^953\.6 MiB$/)
    } finally {
      db.close()
    }
  })
})
