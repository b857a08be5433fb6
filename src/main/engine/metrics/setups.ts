/** Saved benchmark setups (peer set, range, metric, convention), kept in the workspace's settings table. */
import type { BenchmarkRequest, BenchmarkSetup } from '../../../shared/benchmark'
import type { Database } from '../db/duckdb'
import { writeSetting } from '../db/settingValue'

const KEY = 'benchmark_setups'
/** The dashboard's last request: a workspace's own, so another workspace opens on its own institutions. */
const LAST_KEY = 'benchmark_last_request'

export async function listSetups(db: Database): Promise<BenchmarkSetup[]> {
  const rows = await db.all(`SELECT value FROM settings WHERE key = $1`, [KEY])
  return rows.length ? (JSON.parse(String(rows[0].value)) as BenchmarkSetup[]) : []
}

async function store(db: Database, setups: BenchmarkSetup[]): Promise<BenchmarkSetup[]> {
  await db.write(
    async (c) => {
      await c.run(`INSERT INTO settings VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
        KEY,
        JSON.stringify(setups)
      ])
    },
    { settingsOnly: true }
  )
  return setups
}

/** Saving under an existing name replaces that setup, so "Save" after a tweak does what users expect. */
export async function saveSetup(db: Database, name: string, request: BenchmarkRequest): Promise<BenchmarkSetup[]> {
  const others = (await listSetups(db)).filter((s) => s.name !== name)
  return store(
    db,
    [...others, { name, request, savedAt: new Date().toISOString() }].sort((a, b) => a.name.localeCompare(b.name))
  )
}

export async function deleteSetup(db: Database, name: string): Promise<BenchmarkSetup[]> {
  return store(
    db,
    (await listSetups(db)).filter((s) => s.name !== name)
  )
}

export async function lastRequest(db: Database): Promise<BenchmarkRequest | null> {
  const rows = await db.all(`SELECT value FROM settings WHERE key = $1`, [LAST_KEY])
  return rows.length ? (JSON.parse(String(rows[0].value)) as BenchmarkRequest) : null
}

export async function saveLastRequest(db: Database, request: BenchmarkRequest): Promise<BenchmarkRequest> {
  // Every control change saves it: a settings-only write keeps the dashboard's remembered results.
  await db.write((c) => writeSetting(c, LAST_KEY, request), { settingsOnly: true })
  return request
}
