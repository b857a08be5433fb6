/** Child of the bench (item 3): open a workspace, import one file, report time and VmHWM to the parent, exit. */
import { readFileSync } from 'node:fs'
import { openEngine } from '../../src/main/engine/engine'
import { invoke } from '../../src/main/engine/invoke'

const arg = (name: string): string => {
  const i = process.argv.indexOf(name)
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing ${name}`)
  return process.argv[i + 1]
}

async function main(): Promise<void> {
  const engine = await openEngine(arg('--workspace'))
  const t0 = performance.now()
  await invoke(engine, 'importFile', { path: arg('--file'), jobId: 'bench-memory' })
  const ms = performance.now() - t0
  const vmhwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0)
  engine.close()
  process.send?.({ ms, vmhwmKb }, () => process.exit(0))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
