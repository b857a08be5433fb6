/** `socialbench mix`: posts and engagement by kind of post, and median interactions by weekday × hour. */
import type { Command } from 'commander'
import { POST_KIND_LABELS, WEEKDAY_NAMES } from '../shared/contentMix'
import { ENGAGEMENT_CONVENTIONS, type EngagementConvention } from '../shared/metrics'
import { PLATFORMS } from '../shared/types'
import { invoke } from '../main/engine/api'
import { BENCHMARK_FLAGS, scopeFromFlags } from './benchmarkCommand'
import { writeInsightCsv } from './insightCsv'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, type FlagNames } from './input'

interface MixOptions {
  workspace?: string
  json?: boolean
  csv?: string
  timesCsv?: string
  institutions: string
  from?: string
  to?: string
  platforms?: string
  convention: string
}

const FLAGS: FlagNames = Object.fromEntries(Object.entries(BENCHMARK_FLAGS).map(([k, v]) => [`request.${k}`, v]))
const pct = (v: number | null, d = 1) => (v === null ? null : `${(v * 100).toFixed(d)}%`)

export function registerMix(program: Command, ctx: CliContext): void {
  program
    .command('mix')
    .description('Posts and engagement by kind of post, and median interactions by weekday × hour (local time)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institutions <names>', 'comma-separated institution names (see `socialbench institutions`)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--convention <name>', `per-post rate: ${ENGAGEMENT_CONVENTIONS.join(', ')}`, ENGAGEMENT_CONVENTIONS[0])
    .option('--csv <file>', 'also write the posts and engagement by kind as CSV')
    .option('--times-csv <file>', 'also write the weekday × hour medians as CSV')
    .option('--json', 'print JSON (shares and rates as fractions, null where the data cannot give a value)')
    .action(async (opts: MixOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (engine) => {
          const input = await inputFromFlags(
            'contentMix',
            {
              request: {
                ...(await scopeFromFlags(engine, opts)),
                convention: opts.convention as EngagementConvention
              }
            },
            FLAGS
          )
          if (opts.csv) await writeInsightCsv(engine, 'contentMix', input.request, opts.csv)
          if (opts.timesCsv) await writeInsightCsv(engine, 'postingTimes', input.request, opts.timesCsv)
          return invoke(engine, 'contentMix', input)
        })
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
          return
        }
        console.log(`Content mix ${out.from} … ${out.to} (rate: ${out.convention})`)
        for (const i of out.institutions) {
          console.log(`\n${i.name}: ${i.posts} posts (hours in ${i.timeZones.join(', ') || 'UTC'})`)
          console.log(
            formatTable(
              ['kind', 'posts', 'share', 'interactions', 'median', 'rate'],
              i.kinds.map((k) => ({
                kind: POST_KIND_LABELS[k.kind],
                posts: k.posts,
                share: pct(k.postShare),
                interactions: k.interactions,
                median: k.medianInteractions,
                rate: pct(k.rate, 3)
              }))
            )
          )
          const best = [...i.heatmap]
            .filter((h) => h.medianInteractions !== null)
            .sort((a, b) => (b.medianInteractions ?? 0) - (a.medianInteractions ?? 0) || b.posts - a.posts)
            .slice(0, 3)
          if (best.length)
            console.log(
              `Best slots by median interactions: ${best.map((h) => `${WEEKDAY_NAMES[h.weekday]} ${h.hour}:00 (${h.medianInteractions}, ${h.posts} posts)`).join('; ')}`
            )
        }
        console.log('')
        for (const m of out.methods) console.log(m)
      } catch (err) {
        reportFailure(ctx, opts, 'mix', err)
      }
    })
}
