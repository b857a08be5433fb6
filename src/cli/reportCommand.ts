/** `socialbench report`: the standard benchmark charts, their data and a PowerPoint deck, written without a window. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { REPORT_FORMATS, type ReportFormat } from '../shared/export'
import { ENGAGEMENT_CONVENTIONS } from '../shared/metrics'
import { AppFailure } from '../shared/result'
import { PLATFORMS } from '../shared/types'
import { invoke, openEngine, writeReport, type Engine } from '../main/engine/api'
import { BENCHMARK_FLAGS, institutionIdsByName } from './benchmarkCommand'
import { reportFailure, type CliContext } from './context'
import { inputFromFlags, listFlag } from './input'

interface ReportCliOptions {
  workspace?: string
  sample?: boolean
  out: string
  formats: string
  institutions?: string
  from?: string
  to?: string
  platforms?: string
  convention: string
  aspect: string
}

/** The named institutions, or all of them up to the 20 a benchmark takes. */
async function institutionIds(engine: Engine, names: string[]): Promise<number[]> {
  if (names.length > 0) return institutionIdsByName(engine, names)
  return (await invoke(engine, 'listInstitutions')).slice(0, 20).map((i) => i.institutionId)
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description(
      'Write the standard benchmark charts (PNG, SVG), their data (CSV, XLSX, Parquet) and a PowerPoint deck to a folder'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--sample', 'use a temporary workspace loaded with the built-in SYNTHETIC sample')
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--formats <list>', `comma-separated, of ${REPORT_FORMATS.join(', ')}`, 'png,svg,pptx,csv')
    .option('--institutions <names>', 'comma-separated institution names (default: all, up to 20)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--convention <id>', `engagement convention: ${ENGAGEMENT_CONVENTIONS.join(', ')}`, 'followers_at_post')
    .option('--aspect <ratio>', 'deck slide shape: 16:9 or 4:3', '16:9')
    .action(async (opts: ReportCliOptions) => {
      let tmp: string | null = null
      try {
        const formats = listFlag(opts.formats) ?? []
        const bad = formats.find((f) => !(REPORT_FORMATS as readonly string[]).includes(f))
        if (bad)
          throw new AppFailure('BAD_INPUT', `--formats: unknown format "${bad}"; use ${REPORT_FORMATS.join(', ')}.`)
        if (opts.aspect !== '16:9' && opts.aspect !== '4:3')
          throw new AppFailure('BAD_INPUT', '--aspect: expected 16:9 or 4:3.')
        const aspect = opts.aspect
        const outDir = resolve(opts.out)
        const run = async (engine: Engine) => {
          if (opts.sample) await invoke(engine, 'loadSample')
          const ids = await institutionIds(engine, listFlag(opts.institutions) ?? [])
          if (ids.length === 0)
            throw new AppFailure(
              'NOT_FOUND',
              'The workspace has no institutions yet (try --sample, or `socialbench institutions`).'
            )
          const request = await inputFromFlags(
            'benchmark',
            {
              institutionIds: ids,
              platforms: listFlag(opts.platforms)?.map((p) => p.toLowerCase()),
              preset: opts.from || opts.to ? 'custom' : 'all',
              from: opts.from,
              to: opts.to,
              convention: opts.convention
            },
            BENCHMARK_FLAGS
          )
          return writeReport(engine, {
            outDir,
            formats: formats as ReportFormat[],
            aspect,
            request,
            onFile: (p) => console.log(`  ${p}`)
          })
        }
        console.log(`Writing the benchmark report to ${outDir}`)
        let report
        if (opts.sample) {
          tmp = await mkdtemp(join(tmpdir(), 'socialbench-sample-'))
          const engine = await openEngine(tmp)
          try {
            report = await run(engine)
          } finally {
            engine.close()
          }
        } else report = await ctx.withEngine(opts, run)
        const s = report.result.scope
        console.log(
          `${report.files.length} files · ${s.institutions.length} institutions · ${s.from} to ${s.to} · ${report.result.methodology.posts} posts`
        )
      } catch (err) {
        reportFailure(ctx, {}, 'report', err)
      } finally {
        if (tmp) await rm(tmp, { recursive: true, force: true })
      }
    })
}
