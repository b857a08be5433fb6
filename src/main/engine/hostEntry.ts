/**
 * Process entry of the engine host. Under Electron it is a utilityProcess (messages on process.parentPort);
 * under Node it is a child_process.fork (process.send). It never imports electron.
 */
import { runHost, type HostPort } from './host'
import type { HostRequest } from './protocol'
import { workspaceFromArgs } from './workspace'

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
}

function makePort(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data as HostRequest)),
      exit: (code) => process.exit(code)
    }
  }
  if (!process.send)
    throw new Error('The engine host must be started by Electron (utilityProcess) or child_process.fork.')
  return {
    send: (m) => process.send?.(m),
    onMessage: (l) => process.on('message', (m) => l(m as HostRequest)),
    exit: (code) => process.exit(code)
  }
}

function argValue(name: string): string | null {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? null) : null
}

const dir = workspaceFromArgs(process.argv)
if (!dir) {
  console.error('engine host: --workspace DIR is required')
  process.exit(2)
}
// A parent that dies without saying goodbye must not leave DuckDB's lock behind.
process.on('disconnect', () => process.exit(0))
void runHost(makePort(), dir, argValue('--log-file'))
