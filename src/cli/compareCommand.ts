/** `socialbench compare`: each institution's rate with its 95% interval, the peer median, and a pairwise test. */
import type { Command } from 'commander'
import { DEFAULT_RESAMPLES, DEFAULT_SEED, formatDifference, formatPoints } from '../shared/insight'
import { ENGAGEMENT_CONVENTIONS } from '../shared/metrics'
import { AppFailure } from '../shared/result'
import { PLATFORMS } from '../shared/types'
import { invoke } from '../main/engine/api'
import { BENCHMARK_FLAGS, institutionIdsByName, scopeFromFlags } from './benchmarkCommand'
import { writeInsightCsv } from './insightCsv'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, listFlag, numberFlag, type FlagNames } from './input'

interface CompareOptions {
  workspace?: string
  json?: boolean
  institutions: string
  from?: string
  to?: string
  platforms?: string
  convention: string
  pair?: string
  resamples: string
  seed: string
  csv?: string
}

const COMPARE_FLAGS: FlagNames = {
  ...Object.fromEntries(Object.entries(BENCHMARK_FLAGS).map(([k, v]) => [`request.${k}`, v])),
  pair: '--pair',
  resamples: '--resamples',
  seed: '--seed'
}

const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(3)}%`)

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('Engagement rates with 95% bootstrap intervals, the peer median, and a pairwise permutation test')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institutions <names>', 'comma-separated institution names (see `socialbench institutions`)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--convention <id>', `engagement convention: ${ENGAGEMENT_CONVENTIONS.join(', ')}`, 'followers_at_post')
    .option('--pair <a,b>', 'two of the institutions: the difference of their rates and a permutation test')
    .option('--resamples <n>', 'bootstrap resamples and permutations (2000 to 20000)', String(DEFAULT_RESAMPLES))
    .option('--seed <n>', 'seed of the resampling (the same seed and data give the same numbers)', String(DEFAULT_SEED))
    .option('--csv <file>', 'also write the rates and intervals as CSV, its setup beside it (FILE.provenance.json)')
    .option('--json', 'print JSON (rates as fractions, null where the data cannot give a value)')
    .action(async (opts: CompareOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (engine) => {
          const pairNames = listFlag(opts.pair)
          if (pairNames && pairNames.length !== 2)
            throw new AppFailure('BAD_INPUT', '--pair: give two institution names, comma-separated.')
          const [a, b] = pairNames ? await institutionIdsByName(engine, pairNames) : []
          const input = await inputFromFlags(
            'benchmarkStats',
            {
              request: {
                ...(await scopeFromFlags(engine, opts)),
                convention: opts.convention
              },
              ...(pairNames ? { pair: { a, b } } : {}),
              resamples: numberFlag(opts.resamples),
              seed: numberFlag(opts.seed)
            },
            COMPARE_FLAGS
          )
          // The file is drawn at the default resamples and seed, as the dashboard's, so a reproduction matches it.
          if (opts.csv) await writeInsightCsv(engine, 'comparisons', input.request, opts.csv)
          return invoke(engine, 'benchmarkStats', input)
        })
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
          return
        }
        console.log(
          `Engagement (${out.convention}) ${out.from} … ${out.to} · 95% intervals from ${out.resamples} bootstrap resamples, seed ${out.seed}`
        )
        console.log(
          formatTable(
            ['institution', 'posts', 'rate', '95% CI', 'vs peer median (pts)', 'note'],
            out.institutions.map((i) => ({
              institution: i.name,
              posts: i.posts,
              rate: pct(i.rate.estimate),
              '95% CI': i.rate.low === null ? null : `${pct(i.rate.low)} to ${pct(i.rate.high)}`,
              'vs peer median (pts)': i.vsPeer.estimate === null ? null : formatPoints(i.vsPeer.estimate),
              note: [
                i.thin ? 'thin' : '',
                i.vsPeer.estimate !== null && !i.vsPeer.significant ? 'interval spans 0' : ''
              ]
                .filter(Boolean)
                .join(', ')
            }))
          )
        )
        for (const i of out.institutions) console.log(formatDifference(`${i.name} vs peer median`, i.vsPeer))
        if (out.pair) {
          const p = out.pair
          console.log(
            `${formatDifference(`${p.a.name} − ${p.b.name}`, p.difference)}; permutation test p = ${p.pValue === null ? 'n/a' : p.pValue.toFixed(4)} (${p.permutation}, ${p.permutations})`
          )
        }
        for (const m of out.methods) console.log(`method: ${m}`)
      } catch (err) {
        reportFailure(ctx, opts, 'compare', err)
      }
    })
}
