/** `socialbench report`: the standard benchmark charts, their data and a PowerPoint deck, written without a window. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { ENGAGEMENT_CONVENTIONS, type EngagementConvention } from '../shared/metrics'
import { AppFailure, toFailure } from '../shared/result'
import { PLATFORMS, type Platform } from '../shared/types'
import { openEngine, type Engine } from '../main/engine/engine'
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../main/engine/export/report'
import type { CliContext } from './benchmarkCommand'

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

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean)

async function institutionIds(engine: Engine, names: string[]): Promise<number[]> {
  const all = await engine.handlers.listInstitutions()
  if (names.length === 0) return all.slice(0, 20).map((i) => i.institutionId)
  return names.map((w) => {
    const hit = all.find((i) => i.name.toLowerCase() === w.toLowerCase())
    if (!hit) throw new AppFailure('NOT_FOUND', `No institution named "${w}". Known: ${all.map((i) => i.name).join(', ') || 'none'}.`)
    return hit.institutionId
  })
}

export function registerReport(program: Command, ctx: CliContext<ReportCliOptions>): void {
  program
    .command('report')
    .description('Write the standard benchmark charts (PNG, SVG), their data (CSV, XLSX, Parquet) and a PowerPoint deck to a folder')
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
        const formats = list(opts.formats)
        const bad = formats.find((f) => !(REPORT_FORMATS as readonly string[]).includes(f))
        if (bad) throw new AppFailure('BAD_INPUT', `Unknown format "${bad}"; use ${REPORT_FORMATS.join(', ')}.`)
        if (!(ENGAGEMENT_CONVENTIONS as readonly string[]).includes(opts.convention)) throw new AppFailure('BAD_INPUT', `Unknown convention "${opts.convention}".`)
        if (opts.aspect !== '16:9' && opts.aspect !== '4:3') throw new AppFailure('BAD_INPUT', '--aspect must be 16:9 or 4:3.')
        const platforms = list(opts.platforms).map((p) => p.toLowerCase())
        const badPlatform = platforms.find((p) => !(PLATFORMS as readonly string[]).includes(p))
        if (badPlatform) throw new AppFailure('BAD_INPUT', `Unknown platform "${badPlatform}"; use ${PLATFORMS.join(', ')}.`)
        const outDir = resolve(opts.out)
        const run = async (engine: Engine) => {
          if (opts.sample) await engine.handlers.loadSample()
          const ids = await institutionIds(engine, list(opts.institutions))
          if (ids.length === 0) throw new AppFailure('NOT_FOUND', 'The workspace has no institutions yet (try --sample, or `socialbench institutions`).')
          return writeReport(engine, {
            outDir,
            formats: formats as ReportFormat[],
            aspect: opts.aspect as '16:9' | '4:3',
            request: {
              institutionIds: ids,
              platforms: platforms.length ? (platforms as Platform[]) : undefined,
              preset: opts.from || opts.to ? 'custom' : 'all',
              from: opts.from,
              to: opts.to,
              convention: opts.convention as EngagementConvention
            },
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
        console.log(`${report.files.length} files · ${s.institutions.length} institutions · ${s.from} to ${s.to} · ${report.result.methodology.posts} posts`)
      } catch (err) {
        const f = toFailure(err)
        console.error(`socialbench report: ${f.ok ? '' : f.error.message}`)
        ctx.fail()
      } finally {
        if (tmp) await rm(tmp, { recursive: true, force: true })
      }
    })
}
