import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMORY_LIMIT, Database, memoryLimit, threadOption } from './duckdb'

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

describe('threads', () => {
  it("are DuckDB's default unless SOCIALBENCH_THREADS gives a whole number", () => {
    expect(threadOption({})).toEqual({})
    expect(threadOption({ SOCIALBENCH_THREADS: '1' })).toEqual({ threads: '1' })
    expect(threadOption({ SOCIALBENCH_THREADS: ' 8 ' })).toEqual({ threads: '8' })
    for (const bad of ['0', '-1', '1.5', 'all', "2'; ATTACH 'x"])
      expect(threadOption({ SOCIALBENCH_THREADS: bad })).toEqual({})
  })

  it('are what the opened workspace database runs with', async () => {
    const before = process.env.SOCIALBENCH_THREADS
    process.env.SOCIALBENCH_THREADS = '1'
    const db = await Database.open(join(dir, 't.duckdb'))
    try {
      const [r] = await db.all(`SELECT current_setting('threads')::INTEGER AS t`)
      expect(Number(r.t)).toBe(1)
    } finally {
      db.close()
      if (before === undefined) delete process.env.SOCIALBENCH_THREADS
      else process.env.SOCIALBENCH_THREADS = before
    }
  })
})
