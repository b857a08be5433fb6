/** `tsx e2e/server/start.ts --workspace DIR [--port N] [--sample]`: the renderer in any browser, on loopback. */
import { Command } from 'commander'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { startHarness } from './server'

const program = new Command('serve-web')
  .description('Serve the built renderer with the engine behind it on 127.0.0.1')
  .option('--workspace <dir>', 'workspace folder (created if missing)', '.workspace-dev/web')
  .option('--port <n>', 'port (0 = any free port)', (v) => Number.parseInt(v, 10), 0)
  .option('--sample', 'load the sample datasets first', false)
  .parse()

const opts = program.opts<{ workspace: string; port: number; sample: boolean }>()

async function main(): Promise<void> {
  const workspace = resolve(opts.workspace)
  await mkdir(workspace, { recursive: true })
  const harness = await startHarness({ workspace, port: opts.port, sample: opts.sample })
  console.log(`Socialbench (browser harness) at ${harness.url}  workspace: ${workspace}`)
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
