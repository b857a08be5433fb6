/**
 * `tsx e2e/server/start.ts --workspace DIR [--port N] [--sample] [--stage-limit SIZE]`: the renderer in any
 * browser, on loopback. The printed URL carries this launch's token; without it the page cannot call the engine.
 */
import { Command, InvalidArgumentError } from 'commander'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { startHarness } from './server'
import { formatBytes, parseByteSize, STAGE_LIMIT_ENV, stageLimitFromEnv } from './stage'

function sizeOption(value: string): number {
  try {
    return parseByteSize(value)
  } catch (err) {
    throw new InvalidArgumentError(err instanceof Error ? err.message : String(err))
  }
}

const program = new Command('serve-web')
  .description('Serve the built renderer with the engine behind it on 127.0.0.1')
  .option('--workspace <dir>', 'workspace folder (created if missing)', '.workspace-dev/web')
  .option('--port <n>', 'port (0 = any free port)', (v) => Number.parseInt(v, 10), 0)
  .option('--sample', 'load the sample datasets first', false)
  .option(
    '--stage-limit <size>',
    `largest file the page may upload, e.g. 500M or 4G (default ${STAGE_LIMIT_ENV} or 2G)`,
    sizeOption
  )
  .parse()

const opts = program.opts<{ workspace: string; port: number; sample: boolean; stageLimit?: number }>()

async function main(): Promise<void> {
  const workspace = resolve(opts.workspace)
  await mkdir(workspace, { recursive: true })
  const stageLimit = opts.stageLimit ?? stageLimitFromEnv()
  const harness = await startHarness({ workspace, port: opts.port, sample: opts.sample, stageLimit })
  console.log(`Socialbench (browser harness) at ${harness.url}`)
  console.log(`  workspace: ${workspace}  upload limit: ${formatBytes(stageLimit)}`)
  console.log("  The URL holds this launch's secret: open it in your browser, do not share it.")
  const stop = (): void => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
