import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { AppFailure, toFailure } from '../shared/result'
import { decideBatch, type BatchDecision } from '../shared/importIdentity'
import { IMPORT_TYPES_TEXT } from '../shared/importFiles'
import type { ImportOptions, ImportResult, LandingWarning } from '../shared/types'
import {
  defaultWorkspaceDir,
  invoke,
  openEngine,
  packageVersion,
  runReadOnlySql,
  SQL_LIMITS,
  workspaceFromArgs,
  type Engine
} from '../main/engine/api'
import { registerBenchmark } from './benchmarkCommand'
import { registerCompare } from './compareCommand'
import { registerConventions } from './conventionsCommand'
import { registerMix } from './mixCommand'
import { registerExplain } from './explainCommand'
import { registerTopics } from './topicsCommand'
import { print, type CliContext, type CommonOptions } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, type FlagNames } from './input'
import { registerQueries } from './queryCommand'
import { registerReport } from './reportCommand'
import { registerReproduce } from './reproduceCommand'
import { registerInstitutions } from './institutionsCommand'
import { registerEvents } from './eventsCommand'
import { registerWorkspace } from './workspaceCommand'
import { parseTimeout } from './timeoutFlag'

interface ImportCliOptions extends CommonOptions {
  account?: string
  platform?: string
  timeZone?: string
  privacyText?: string
  privacyPeople?: string
  generic?: boolean
  periodEnd?: string
}

const IMPORT_FLAGS: FlagNames = {
  'options.account': '--account',
  'options.platform': '--platform',
  'options.timeZone': '--time-zone',
  'options.privacy.text': '--privacy-text',
  'options.privacy.people': '--privacy-people',
  'options.periodEnd': '--period-end'
}

/**
 * ImportOptions from the flags, checked by the contract; a privacy flag given alone takes the other half from
 * the workspace default.
 */
async function importOptions(engine: Engine, opts: ImportCliOptions): Promise<ImportOptions> {
  const defaults = opts.privacyText || opts.privacyPeople ? await invoke(engine, 'getPrivacyDefaults') : null
  const options = {
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(defaults
      ? { privacy: { text: opts.privacyText ?? defaults.text, people: opts.privacyPeople ?? defaults.people } }
      : {}),
    ...(opts.generic ? { generic: true } : {}),
    ...(opts.periodEnd ? { periodEnd: opts.periodEnd } : {})
  }
  // The options are the same for every file: check them once, with a stand-in path and job.
  return (await inputFromFlags('importFile', { path: '-', jobId: '-', options }, IMPORT_FLAGS)).options ?? {}
}

function workspaceDir(opts: CommonOptions): string {
  return resolve(opts.workspace ?? workspaceFromArgs([], process.env) ?? defaultWorkspaceDir())
}

async function withEngine<T>(opts: CommonOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(workspaceDir(opts))
  try {
    return await fn(engine)
  } finally {
    await engine.shutdown()
  }
}

/** What the CLI prints for one imported dataset (a file, or one sheet of a workbook). */
function importSummary(r: ImportResult): Record<string, unknown> {
  const rec = r.recognition
  const sum = (k: 'new' | 'updated') => (rec ? (rec.posts?.[k] ?? 0) + (rec.daily?.[k] ?? 0) : r.dataset.rows)
  return {
    importId: r.dataset.id,
    dataset: r.dataset.name,
    // The recognised export format, or the generic file format (csv, json, ndjson).
    format: rec?.format ?? r.settings.format,
    platform: rec?.platform ?? null,
    accounts: rec?.accounts.map((a) => a.accountId) ?? [],
    period: rec?.period ?? null,
    rows: r.dataset.rows,
    rowsNew: sum('new'),
    rowsUpdated: rec ? sum('updated') : 0,
    rowsUnchanged: rec ? (rec.posts?.unchanged ?? 0) + (rec.daily?.unchanged ?? 0) : 0,
    rowsRejected: rec?.rowsRejected ?? 0,
    rejects: rec?.rejects.slice(0, 20) ?? [],
    redactions: rec?.redactions ?? [],
    columns: r.dataset.columns.length,
    // A recognised format that could not be mapped: the file landed as a plain table; this says what was missing.
    unmapped: r.unmapped
      ? { format: r.unmapped.format, missing: r.unmapped.missing, message: r.unmapped.message }
      : null,
    yearAssumed: rec?.yearAssumed ?? null,
    warnings: cliWarnings(r)
  }
}

/** One line of the CLI's `warnings`: what did not land (with its cause and two rows), or a note about the file. */
type CliWarning = Pick<LandingWarning, 'message'> & { code: LandingWarning['code'] | 'note' } & Partial<
    Pick<LandingWarning, 'cause' | 'examples'>
  >

function cliWarnings(r: ImportResult): CliWarning[] {
  const landing: CliWarning[] = (r.recognition?.landingWarnings ?? []).map((w) => ({ ...w }))
  return [...landing, ...r.warnings.map((message): CliWarning => ({ code: 'note', message }))]
}

/**
 * Nothing canonical landed from a recognised file: the import did not do its job, whatever else it stored. A file
 * recognised but not mappable (`unmapped`: kept as a plain table) is such a file too.
 */
const nothingLanded = (r: ImportResult) =>
  Boolean(r.unmapped) || (r.recognition?.landingWarnings ?? []).some((w) => w.code === 'nothing-landed')

/** The batch rule over the files' previews (only when several files could inform each other). */
async function batchDecisions(
  engine: Engine,
  files: string[],
  options: ImportOptions
): Promise<Map<string, BatchDecision>> {
  if (files.length < 2) return new Map()
  const previews = await Promise.all(
    files.map(async (f) => {
      const key = resolve(f)
      const preview = await invoke(engine, 'previewImport', { path: key, options }).catch(() => null)
      return { key, identity: preview?.identity ?? null }
    })
  )
  return new Map(decideBatch(previews).map((d) => [d.key, d]))
}

export async function runCli(program: Command, argv: string[]): Promise<number> {
  let exitCode = 0
  program
    .name('socialbench')
    .description(
      'Socialbench: import social-platform exports into a local DuckDB workspace and query them. Works offline.'
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()

  program
    .command('import')
    .description(`Import exports (${IMPORT_TYPES_TEXT}) into the workspace, one dataset per file or workbook sheet`)
    .option('-w, --workspace <dir>', 'workspace folder (default: $SOCIALBENCH_WORKSPACE or the app’s own)')
    .option('--json', 'print one JSON object with the outcome of every file')
    .option(
      '--account <handle>',
      'the account the files belong to, for exports that do not say (Meta per-metric, YouTube); required when a file names none'
    )
    .option(
      '--platform <platform>',
      'facebook or instagram, for a Meta series whose title names neither ("Reach", "Views") when nothing else says'
    )
    .option('--time-zone <zone>', 'IANA zone for timestamps written without one (default UTC)')
    .option(
      '--privacy-text <choice>',
      'post text: keep, redact (e-mails, phones, @handles) or drop (default: workspace setting)'
    )
    .option('--privacy-people <choice>', 'commenter/user columns: keep, drop or hash (default: workspace setting)')
    .option('--generic', 'import as a plain dataset even if the format is recognised')
    .option(
      '--period-end <YYYY-MM-DD>',
      'last day of an export whose dates have no year (TikTok Studio); default: a range in the file name, else the file date'
    )
    .argument('<files...>')
    .action(async (files: string[], opts: ImportCliOptions) => {
      const imports = await withEngine(opts, async (engine) => {
        const out: Record<string, unknown>[] = []
        let options: ImportOptions
        try {
          options = await importOptions(engine, opts)
        } catch (err) {
          const f = toFailure(err)
          exitCode = 1
          return files.map((file): Record<string, unknown> => ({ file, error: f.ok ? null : f.error }))
        }
        // The files of one command line are one batch: a Meta series whose title names no platform takes the
        // platform its companions agree on (src/shared/importIdentity.ts); the engine refuses what stays open.
        const batch = options.platform ? new Map<string, BatchDecision>() : await batchDecisions(engine, files, options)
        for (const file of files) {
          const path = resolve(file)
          const decided = batch.get(path)
          const fileOptions = decided?.platform ? { ...options, platform: decided.platform } : options
          try {
            const r = await invoke(engine, 'importFile', { path, jobId: randomUUID(), options: fileOptions })
            if (decided?.platform) r.warnings.unshift(`Platform ${decided.platform}: ${decided.platformReason}.`)
            // A workbook (.xlsx) is one dataset per sheet: one outcome line per sheet.
            const results: {
              sheet: string | null
              result: ImportResult | null
              error: { code: string; message: string } | null
              skipped?: string
            }[] = r.sheets ?? [{ sheet: null, result: r, error: null }]
            for (const s of results) {
              const sheet = s.sheet === null ? {} : { sheet: s.sheet }
              if (!s.result) {
                if (s.skipped) out.push({ file, ...sheet, skipped: s.skipped })
                else if (s.error?.code === 'DUPLICATE')
                  out.push({ file, ...sheet, alreadyImported: true, message: s.error.message })
                else {
                  out.push({ file, ...sheet, error: s.error })
                  exitCode = 1
                }
                continue
              }
              out.push({ file, ...sheet, ...importSummary(s.result) })
              if (nothingLanded(s.result)) exitCode = 1
            }
          } catch (err) {
            if (err instanceof AppFailure && err.code === 'DUPLICATE') {
              const existing = await invoke(engine, 'listDatasets').then((ds) =>
                ds.find((d) => err.message.includes(`"${d.name}"`))
              )
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
          if (i.error)
            console.error(`✗ ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}: ${(i.error as { message: string }).message}`)
          else if (i.alreadyImported) console.log(`= ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}: ${i.message}`)
          else if (i.skipped) console.log(`- ${i.file} [${i.sheet}]: not imported: ${i.skipped}`)
          else {
            console.log(
              `✓ ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}: ${i.rows} rows × ${i.columns} columns as "${i.dataset}" (${i.format}${i.platform ? `, ${i.platform}` : ''})`
            )
            if (i.platform) {
              console.log(
                `    accounts: ${(i.accounts as string[]).join(', ') || 'none'}; new ${i.rowsNew}, updated ${i.rowsUpdated}, unchanged ${i.rowsUnchanged}, rejected ${i.rowsRejected}`
              )
            }
          }
          const assumed = i.yearAssumed as { column: string; periodEnd: string; source: string } | null | undefined
          if (assumed)
            console.log(
              `    dates without a year ("${assumed.column}") read as a period ending ${assumed.periodEnd} (${assumed.source}); --period-end changes it`
            )
          for (const w of (i.warnings as CliWarning[] | undefined) ?? [])
            console.log(`    ${w.code === 'note' ? 'warning' : 'NOT LANDED'}: ${w.message}`)
        }
      }
    })

  program
    .command('sql')
    .description('Run one read-only SQL statement against the workspace and print the rows')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print a JSON array of row objects')
    .option(
      '--timeout <seconds>',
      'stop the statement after this many seconds',
      parseTimeout,
      SQL_LIMITS.timeoutMs / 1000
    )
    .argument('<sql>')
    .action(async (sql: string, opts: CommonOptions & { timeout: number }) => {
      try {
        const result = await runReadOnlySql(workspaceDir(opts), sql, { timeoutMs: opts.timeout * 1000 })
        if (opts.json) print(result.rows)
        else
          console.log(
            formatTable(
              result.columns.map((c) => c.name),
              result.rows
            )
          )
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
      const { datasets } = await withEngine(opts, (engine) => invoke(engine, 'loadSample'))
      if (opts.json) print({ datasets: datasets.map((d) => ({ importId: d.id, name: d.name, rows: d.rows })) })
      else {
        console.log(`Loaded ${datasets.length} sample files into ${workspaceDir(opts)}`)
        for (const d of datasets) console.log(`  ${d.name}: ${d.rows} rows`)
      }
    })

  const ctx: CliContext = { withEngine, fail: () => (exitCode = 1) }
  registerBenchmark(program, ctx)
  registerCompare(program, ctx)
  registerConventions(program, ctx)
  registerMix(program, ctx)
  registerExplain(program, ctx)
  registerTopics(program, ctx)
  registerInstitutions(program, ctx)
  registerEvents(program, ctx)
  registerQueries(program, ctx)
  registerReport(program, ctx)
  registerReproduce(program, ctx)
  registerWorkspace(program, ctx)

  await program.parseAsync(argv)
  return exitCode
}
