/**
 * Property-based fuzzing (fast-check) of the import path with mutated real-format files: truncated lines, stray
 * quotes, other encodings with and without BOM, huge fields, NUL bytes, random bytes, repeated headers, empty and
 * dropped lines, CRLF. The imports run in the real engine host process, so a native crash shows as the child dying.
 * Property: preview and import each either succeed (rows > 0) or fail with a specific error code whose message names
 * the file, within a time bound; the host stays alive; the workspace stays valid (checked by reopening it).
 * Fast: 50 runs, fixed seed. SOAK=1: 2,000 runs. FUZZ_RUNS=<n> overrides; FUZZ_SEED=<n> (or SEED) replays a run.
 */
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ErrorCode, Result } from '../../src/shared/result'
import type { ImportResult } from '../../src/shared/types'
import { startHost, type HostProcess } from './support/hostProcess'
import { applyMutation, describeMutations, mutationArb, type Mutation } from './support/mutations'
import { SOAK, seedFrom } from './support/settings'
import { expectWorkspaceValid, removeDir, withReopened } from './support/workspaceChecks'
import { databaseForTests } from '../../src/main/engine/engine'

const SEED = seedFrom('FUZZ_SEED', 424_242)
const RUNS = Number(process.env.FUZZ_RUNS ?? (SOAK ? 2_000 : 50))
const CHECK_EVERY = SOAK ? 250 : 25
const TIME_LIMIT_MS = SOAK ? 60_000 : 30_000
const MAX_HUGE = SOAK ? 20 * 1024 * 1024 : 2 * 1024 * 1024
const SEED_BYTES = 48 * 1024
/** Refusals the UI knows how to explain; INTERNAL or ENGINE_DIED would be a bug. */
const SPECIFIC: ReadonlySet<ErrorCode> = new Set([
  'IMPORT_FAILED',
  'UNSUPPORTED_FILE',
  'EMPTY_FILE',
  'LINE_TOO_LONG',
  'ENCODING'
])

const REPO = resolve(__dirname, '../..')
const FIXTURE_DIRS = ['e2e/fixtures/data', 'test/fixtures', 'resources/sample'].map((d) => resolve(REPO, d))
const EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.js'])

function listFixtures(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.sort().flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return listFixtures(p)
    return EXTENSIONS.has(extname(n).toLowerCase()) && n !== 'manifest.json' ? [p] : []
  })
}

/** Seed files, cut to their first lines so each run is quick (the mutations, not the size, are the point here). */
function seedFiles(): { name: string; bytes: Buffer }[] {
  return FIXTURE_DIRS.flatMap(listFixtures).map((p) => {
    const all = readFileSync(p)
    if (all.length <= SEED_BYTES || !/\.(csv|tsv|txt)$/i.test(p)) return { name: basename(p), bytes: all }
    const cut = all.lastIndexOf(0x0a, SEED_BYTES)
    return { name: basename(p), bytes: all.subarray(0, cut > 0 ? cut + 1 : SEED_BYTES) }
  })
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (hang)`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

function expectSpecific(r: Result<unknown>, fileName: string, what: string): void {
  if (r.ok) return
  expect(SPECIFIC.has(r.error.code), `${what}: ${r.error.code} ${r.error.message}`).toBe(true)
  expect(r.error.message, `${what}: the message names the file`).toContain(fileName)
}

const root = mkdtempSync(join(tmpdir(), 'sb-fuzz-'))
afterAll(() => removeDir(root))

describe(`fuzzed imports (seed ${SEED}, ${RUNS} runs)`, () => {
  it(
    'are imported or refused with a specific error, never crash or hang the engine, and leave the workspace valid',
    async () => {
      const seeds = seedFiles()
      expect(seeds.length, 'fixture files to mutate').toBeGreaterThan(5)
      const workspace = join(root, 'ws')
      const filesDir = join(root, 'files')
      mkdirSync(filesDir)
      let host: HostProcess = startHost(workspace)
      await host.ready
      let run = 0
      let imported = 0
      const outcomes = new Map<string, number>()
      const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1)

      const restartAndCheck = async (): Promise<void> => {
        expect((await host.close()).code, 'the host shuts down cleanly').toBe(0)
        await withReopened(workspace, async (engine) => {
          await expectWorkspaceValid(engine)
          expect(Number((await databaseForTests(engine).all(`SELECT count(*) AS n FROM datasets`))[0].n)).toBe(imported)
        })
        host = startHost(workspace)
        await host.ready
      }

      const property = fc.asyncProperty(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutationArb(MAX_HUGE), { minLength: 1, maxLength: 3 }),
        async (seedIndex: number, mutations: Mutation[]) => {
          const seed = seeds[seedIndex]
          const bytes = mutations.reduce(applyMutation, seed.bytes)
          const n = ++run
          const fileName = `fuzz${n}_${seed.name}`
          const path = join(filesDir, fileName)
          writeFileSync(path, bytes)
          const what = `run ${n} (${seed.name}: ${describeMutations(mutations)})`

          const preview = await withTimeout(host.call('previewImport', { path }), TIME_LIMIT_MS, `preview of ${what}`)
          expectSpecific(preview, fileName, `preview of ${what}`)
          const result = await withTimeout(
            host.call('importFile', { path, jobId: `fuzz-${n}`, allowDuplicate: true }),
            TIME_LIMIT_MS,
            `import of ${what}`
          )
          expectSpecific(result, fileName, `import of ${what}`)
          if (result.ok) {
            expect((result.value as ImportResult).dataset.rows, what).toBeGreaterThan(0)
            imported++
            count('imported')
          } else count(result.error.code)
          const list = await host.call('listDatasets', undefined)
          expect(list.ok && (list.value as unknown[]).length, `${what}: catalogue size`).toBe(imported)
          if (n % CHECK_EVERY === 0) await restartAndCheck()
        }
      )

      try {
        await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: !SOAK, verbose: 1 })
      } catch (err) {
        console.error(
          `[fuzz] FAILED with seed ${SEED} (replay: FUZZ_SEED=${SEED}); engine stderr:\n${host.stderr().slice(-4000)}`
        )
        throw err
      } finally {
        console.log(`[fuzz seed ${SEED}] ${run} runs: ${JSON.stringify(Object.fromEntries(outcomes))}`)
      }
      await restartAndCheck()
      expect((await host.close()).code).toBe(0)
    },
    120_000 + RUNS * 5_000
  )
})
