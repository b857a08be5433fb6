/**
 * A fresh workspace folder per test, with a real engine on it, and small helpers to write fixture files
 * into it. Nothing is mocked: the engine opens a real DuckDB file in the temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppFailure, type AppError } from '../../src/shared/result'
import { databaseForTests, openEngine, type Engine } from '../../src/main/engine/engine'

export interface TestWorkspace {
  /** Temp folder holding the workspace (ws/) and the fixture files. */
  root: string
  workspace: string
  engine: Engine
  /** Write a fixture file (string as UTF-8, or raw bytes) and return its path. */
  file(name: string, content: string | Buffer): string
  /** Close the engine (if open) and delete the temp folder. */
  dispose(): void
}

export async function openTestWorkspace(prefix = 'sb-engine-'): Promise<TestWorkspace> {
  const root = mkdtempSync(join(tmpdir(), prefix))
  const workspace = join(root, 'ws')
  const t: TestWorkspace = {
    root,
    workspace,
    engine: await openEngine(workspace),
    file(name, content) {
      const p = join(root, name)
      writeFileSync(p, content)
      return p
    },
    dispose() {
      try {
        t.engine.close()
      } catch {
        // already closed by the test
      }
      rmSync(root, { recursive: true, force: true })
    }
  }
  return t
}

/** The AppFailure a promise rejects with; fails the test if it resolves or throws something else. */
export async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppFailure) return { code: err.code, message: err.message }
    throw err
  }
  throw new Error('expected the call to fail, but it succeeded')
}

let jobs = 0
export const jobId = () => `job-${process.pid}-${++jobs}`

/** Names of the dataset tables that exist in the workspace database. */
export async function dsTables(engine: Engine): Promise<string[]> {
  const rows = await databaseForTests(engine).all(
    `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY table_name`
  )
  return rows.map((r) => String(r.table_name))
}
