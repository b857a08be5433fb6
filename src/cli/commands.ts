import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { AppFailure, toFailure } from '../shared/result'
import { openEngine, type Engine } from '../main/engine/engine'
import { runReadOnlySql } from '../main/engine/readOnlySql'
import { defaultWorkspaceDir, workspaceFromArgs } from '../main/engine/workspace'
import { packageVersion } from '../main/engine/version'
import { formatTable } from './formatTable'

interface CommonOptions {
  workspace?: string
  json?: boolean
}

function workspaceDir(opts: CommonOptions): string {
  return resolve(opts.workspace ?? workspaceFromArgs([], process.env) ?? defaultWorkspaceDir())
}

async function withEngine<T>(opts: CommonOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(workspaceDir(opts))
  try {
    return await fn(engine)
  } finally {
    engine.close()
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)

export async function runCli(program: Command, argv: string[]): Promise<number> {
  let exitCode = 0
  program
    .name('socialbench')
    .description('Socialbench: import social-platform exports into a local DuckDB workspace and query them. Works offline.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()

  program
    .command('import')
    .description('Import CSV/TSV/JSON/NDJSON files into the workspace, one dataset per file')
    .option('-w, --workspace <dir>', 'workspace folder (default: $SOCIALBENCH_WORKSPACE or the app’s own)')
    .option('--json', 'print one JSON object with the outcome of every file')
    .argument('<files...>')
    .action(async (files: string[], opts: CommonOptions) => {
      const imports = await withEngine(opts, async (engine) => {
        const out: Record<string, unknown>[] = []
        for (const file of files) {
          const path = resolve(file)
          try {
            const r = await engine.handlers.importFile({ path, jobId: randomUUID() })
            out.push({
              file,
              importId: r.dataset.id,
              dataset: r.dataset.name,
              format: r.settings.format,
              rows: r.dataset.rows,
              columns: r.dataset.columns.length,
              warnings: r.warnings
            })
          } catch (err) {
            if (err instanceof AppFailure && err.code === 'DUPLICATE') {
              const existing = await engine.handlers.listDatasets().then((ds) => ds.find((d) => err.message.includes(`"${d.name}"`)))
              out.push({ file, alreadyImported: true, importId: existing?.id ?? null, message: err.message })
              continue
            }
            const f = toFailure(err)
            out.push({ file, error: f.ok ? null : f.error })
            exitCode = 1
          }
        }
        return out
      })
      if (opts.json) print({ imports })
      else {
        for (const i of imports) {
          if (i.error) console.error(`✗ ${i.file}: ${(i.error as { message: string }).message}`)
          else if (i.alreadyImported) console.log(`= ${i.file}: ${i.message}`)
          else console.log(`✓ ${i.file}: ${i.rows} rows × ${i.columns} columns as "${i.dataset}" (${i.format})`)
          for (const w of (i.warnings as string[] | undefined) ?? []) console.log(`    warning: ${w}`)
        }
      }
    })

  program
    .command('sql')
    .description('Run one read-only SQL statement against the workspace and print the rows')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print a JSON array of row objects')
    .argument('<sql>')
    .action(async (sql: string, opts: CommonOptions) => {
      try {
        const result = await runReadOnlySql(workspaceDir(opts), sql)
        if (opts.json) print(result.rows)
        else console.log(formatTable(result.columns.map((c) => c.name), result.rows))
      } catch (err) {
        const f = toFailure(err)
        const error = f.ok ? null : f.error
        if (opts.json) print({ error })
        else console.error(`socialbench sql: ${error?.message}`)
        exitCode = 1
      }
    })

  program
    .command('sample')
    .description('Load the built-in SYNTHETIC sample (8 fictional medical institutions) into the workspace')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print the loaded datasets as JSON')
    .action(async (opts: CommonOptions) => {
      const { datasets } = await withEngine(opts, (engine) => engine.handlers.loadSample())
      if (opts.json) print({ datasets: datasets.map((d) => ({ importId: d.id, name: d.name, rows: d.rows })) })
      else {
        console.log(`Loaded ${datasets.length} sample files into ${workspaceDir(opts)}`)
        for (const d of datasets) console.log(`  ${d.name}: ${d.rows} rows`)
      }
    })

  await program.parseAsync(argv)
  return exitCode
}
