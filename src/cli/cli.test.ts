/**
 * The real `socialbench` command (bin/socialbench.cjs, compiled) against a workspace in a temp folder:
 * version and help, the sample, imports with per-file outcomes, and the read-only SQL guard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCli } from '../../test/support/cli'

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }

// Generous: loading the 39-file sample takes ~30 s on a quiet machine, far longer on a busy CI runner.
const cli = (...args: string[]) => runCli(args, { timeoutMs: 180_000 })

let root: string
let ws: string
const sql = async (q: string) => cli('sql', '--workspace', ws, '--json', q)

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-'))
  ws = join(root, 'ws')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench CLI', () => {
  it('prints its version and help', async () => {
    const v = await cli('--version')
    expect(v).toMatchObject({ code: 0, stdout: `${pkg.version}\n` })
    const h = await cli('--help')
    expect(h.code).toBe(0)
    for (const command of ['import', 'sql', 'sample']) expect(h.stdout).toMatch(new RegExp(`^\\s+${command} `, 'm'))
  })

  it('loads the sample, which SQL then counts', async () => {
    const s = await cli('sample', '--workspace', ws, '--json')
    expect(s.code).toBe(0)
    const loaded = JSON.parse(s.stdout).datasets as { importId: number; rows: number }[]
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded.every((d) => d.rows > 0)).toBe(true)

    const r = await sql('select count(*) as n from datasets')
    expect(r.code).toBe(0)
    const [{ n }] = JSON.parse(r.stdout) as { n: unknown }[]
    expect(typeof n).toBe('number')
    expect(n).toBe(loaded.length)
  }, 180_000)

  it('imports a good and a bad file, reporting each and failing overall', async () => {
    const good = join(root, 'good.csv')
    const bad = join(root, 'bad.csv')
    writeFileSync(good, 'day,views\n2024-01-01,3\n2024-01-02,4\n2024-01-03,5\n')
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]))
    const r = await cli('import', '--workspace', ws, '--json', good, bad)
    expect(r.code).not.toBe(0)
    const { imports } = JSON.parse(r.stdout) as { imports: Record<string, unknown>[] }
    expect(imports).toHaveLength(2)
    expect(imports[0]).toMatchObject({ file: good, format: 'csv', rows: 3, columns: 2, warnings: [] })
    expect(typeof imports[0].importId).toBe('number')
    expect(imports[1]).toEqual({
      file: bad,
      error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining('bad.csv') }
    })

    const check = await sql(`select row_count, file_name from datasets where id = ${imports[0].importId}`)
    expect(JSON.parse(check.stdout)).toEqual([{ row_count: 3, file_name: 'good.csv' }])
  })

  describe('read-only SQL', () => {
    let before: unknown[]
    beforeAll(async () => {
      before = JSON.parse((await sql('select id, name, row_count from datasets order by id')).stdout)
    })

    it.each([
      ['a DROP', 'drop table datasets'],
      ['a COPY to a file', `copy datasets to '${join(tmpdir(), 'sb-cli-leak.csv')}'`],
      ['an ATTACH', `attach '${join(tmpdir(), 'sb-cli-other.duckdb')}' as other`],
      ['two statements', 'select 1; select 2'],
      ['a file read', "select * from read_csv('/etc/passwd')"],
      ['an INSERT', "insert into datasets (name) values ('x')"]
    ])('refuses %s', async (_what, statement) => {
      const r = await sql(statement)
      expect(r.code).not.toBe(0)
      const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } }
      expect(['READ_ONLY_SQL', 'SQL_FAILED']).toContain(error.code)
      expect(existsSync(join(tmpdir(), 'sb-cli-leak.csv'))).toBe(false)
      expect(existsSync(join(tmpdir(), 'sb-cli-other.duckdb'))).toBe(false)
    })

    it('leaves the workspace intact after the refusals', async () => {
      expect(before.length).toBeGreaterThan(1)
      expect(JSON.parse((await sql('select id, name, row_count from datasets order by id')).stdout)).toEqual(before)
      const tables = JSON.parse(
        (await sql(`select count(*) as n from duckdb_tables() where table_name like 'ds_%'`)).stdout
      )
      expect(tables).toEqual([{ n: before.length }])
    })
  })
})
