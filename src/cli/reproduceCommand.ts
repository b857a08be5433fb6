/** `socialbench reproduce FILE`: re-run the setup an exported file carries and say whether every number is the same. */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { reproductionLines } from '../shared/provenance'
import { invoke } from '../main/engine/api'
import { reportFailure, type CliContext } from './context'

export function registerReproduce(program: Command, ctx: CliContext): void {
  program
    .command('reproduce <file>')
    .description(
      'Re-run the benchmark an exported PNG, SVG, PPTX, XLSX, Parquet or .provenance.json carries; exit 0 when every number is identical, 1 when not'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { workspace?: string; json?: boolean }) => {
      try {
        const out = await ctx.withEngine(opts, (e) => invoke(e, 'reproduce', { path: resolve(file) }))
        if (opts.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
        else console.log(reproductionLines(out).join('\n'))
        if (!out.identical) ctx.fail()
      } catch (err) {
        reportFailure(ctx, opts, 'reproduce', err)
      }
    })
}
