/** `socialbench benchmark`: the numbers the dashboard is drawn from, for scripts and reproducible reports. */
import type { Command } from 'commander'
import { DEFAULT_BREAKOUT_K, DEFAULT_MAX_GAP_DAYS } from '../shared/benchmark'
import { ENGAGEMENT_CONVENTIONS } from '../shared/metrics'
import { AppFailure } from '../shared/result'
import { PLATFORMS } from '../shared/types'
import { invoke, type Engine } from '../main/engine/api'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, listFlag, numberFlag, type FlagNames } from './input'

interface BenchmarkOptions {
  workspace?: string
  json?: boolean
  institutions: string
  from?: string
  to?: string
  platforms?: string
  convention: string
  maxGap: string
  k: string
}

/** The benchmark request's fields and the flags that fill them (for the contract's refusals). */
export const BENCHMARK_FLAGS: FlagNames = {
  institutionIds: '--institutions',
  platforms: '--platforms',
  from: '--from',
  to: '--to',
  convention: '--convention',
  maxGapDays: '--max-gap',
  k: '--k'
}

/** Institution names (any case) to ids; an unknown name is refused with the names the workspace has. */
export async function institutionIdsByName(engine: Engine, names: string[]): Promise<number[]> {
  const all = await invoke(engine, 'listInstitutions')
  return names.map((w) => {
    const hit = all.find((i) => i.name.toLowerCase() === w.toLowerCase())
    if (!hit)
      throw new AppFailure(
        'NOT_FOUND',
        `No institution named "${w}". Known: ${all.map((i) => i.name).join(', ') || 'none'}.`
      )
    return hit.institutionId
  })
}

/** The scope flags the benchmark-like commands share. */
export interface ScopeFlags {
  institutions?: string
  platforms?: string
  from?: string
  to?: string
}

/**
 * --institutions, --platforms, --from and --to as a benchmark request's scope, for the contract to validate (and to
 * name the flag when it refuses one): no date flag means all the data, either date flag a custom range.
 */
export async function scopeFromFlags(engine: Engine, opts: ScopeFlags) {
  return {
    institutionIds: await institutionIdsByName(engine, listFlag(opts.institutions) ?? []),
    platforms: listFlag(opts.platforms)?.map((p) => p.toLowerCase()),
    preset: opts.from || opts.to ? 'custom' : 'all',
    from: opts.from,
    to: opts.to
  }
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 100000) / 1000)

export function registerBenchmark(program: Command, ctx: CliContext): void {
  program
    .command('benchmark')
    .description(
      'Compare institutions: posts, interactions, cadence, engagement rates, follower growth, share of voice'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institutions <names>', 'comma-separated institution names (see `socialbench institutions`)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option(
      '--convention <id>',
      `engagement convention for top posts: ${ENGAGEMENT_CONVENTIONS.join(', ')}`,
      'followers_at_post'
    )
    .option(
      '--max-gap <days>',
      'carry follower counts across gaps of at most this many days',
      String(DEFAULT_MAX_GAP_DAYS)
    )
    .option('--k <sd>', 'breakout threshold in standard deviations', String(DEFAULT_BREAKOUT_K))
    .option('--json', 'print JSON (rates as fractions, null where the data cannot give a value)')
    .action(async (opts: BenchmarkOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (engine) => {
          const request = await inputFromFlags(
            'benchmark',
            {
              ...(await scopeFromFlags(engine, opts)),
              convention: opts.convention,
              maxGapDays: numberFlag(opts.maxGap),
              k: numberFlag(opts.k)
            },
            BENCHMARK_FLAGS
          )
          return invoke(engine, 'benchmark', request)
        })
        const institutions = out.summary.map((s) => ({
          name: s.name,
          posts: s.posts,
          interactions: s.interactions,
          posts_per_week: s.posts_per_week,
          interactions_per_post: s.interactions_per_post,
          interactions_per_1k_followers: s.interactions_per_1k_followers,
          engagement_rate: s.engagement_rate,
          follower_growth: s.follower_growth,
          share_of_voice: s.share_of_voice
        }))
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ from: out.scope.from, to: out.scope.to, institutions, notes: out.methodology.gaps }, null, 2)}\n`
          )
          return
        }
        console.log(
          `Benchmark ${out.scope.from} … ${out.scope.to} · ${out.methodology.posts} posts · ${out.methodology.accounts} accounts`
        )
        console.log(
          formatTable(
            [
              'institution',
              'posts',
              'posts/week',
              'interactions/post',
              'ER followers %',
              'ER reach %',
              'growth %',
              'SoV posts %'
            ],
            out.summary.map((s) => ({
              institution: s.name,
              posts: s.posts,
              'posts/week': s.posts_per_week === null ? null : Math.round(s.posts_per_week * 100) / 100,
              'interactions/post':
                s.interactions_per_post === null ? null : Math.round(s.interactions_per_post * 10) / 10,
              'ER followers %': pct(s.engagement_rate.followers_at_post),
              'ER reach %': pct(s.engagement_rate.reach),
              'growth %': pct(s.follower_growth.pct),
              'SoV posts %': pct(s.share_of_voice.posts)
            }))
          )
        )
        for (const g of out.methodology.gaps) console.log(`note: ${g}`)
      } catch (err) {
        reportFailure(ctx, opts, 'benchmark', err)
      }
    })
}
