/**
 * The engine host as a Node child process (child_process.fork): what the browser harness and the tests drive with
 * the same EngineClient the app uses, in place of utilityHost (hostProcess.ts), which needs Electron. The host
 * speaks the same protocol under both (hostEntry.ts).
 *
 * They run the BUILT host, out/main/engineHost.js, the file the app ships: a bundling regression (a module left
 * out, a dynamic import that does not resolve) then fails the tests, not only the packaged app.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { HostMessage } from '../engine/protocol'
import { startClientHost, type ForkedHost } from './clientHost'
import type { Logger, SpawnHost } from './engineClient'

/** Only ever run from the sources (harness, tests), never bundled: __dirname is src/main/shell. */
export const BUILT_ENGINE_HOST = resolve(__dirname, '../../../out/main/engineHost.js')

export interface ForkHostOptions {
  env?: NodeJS.ProcessEnv
  /** Run the host as another user (root only): how a root test sees what an ordinary user's app would. */
  uid?: number
  gid?: number
  /** The host's output: inherited (the default) or ignored; 'pipe' pipes stderr for onChild to read, stdout ignored. */
  stderr?: 'ignore' | 'inherit' | 'pipe'
  /** Each process as it starts: for tests that kill it, watch its exit signal or read its stderr. */
  onChild?(child: ChildProcess): void
}

export function builtEngineHost(): string {
  if (!existsSync(BUILT_ENGINE_HOST)) {
    throw new Error(`${BUILT_ENGINE_HOST} is missing: build it with \`npx electron-vite build\` first.`)
  }
  return BUILT_ENGINE_HOST
}

export function forkHost(workspace: string, options: ForkHostOptions = {}): SpawnHost {
  const entry = builtEngineHost()
  return ({ onMessage, onExit }) => {
    const child = fork(entry, ['--workspace', workspace], {
      // Plain Node on plain JavaScript: not the parent's loaders (tsx, vitest), which the app does not have.
      execArgv: [],
      // Structured clone, like utilityProcess: DataPage.arrow arrives as bytes, not as {"0":..,"1":..}.
      serialization: 'advanced',
      stdio: ['ignore', options.stderr === 'inherit' ? 'inherit' : 'ignore', options.stderr ?? 'inherit', 'ipc'],
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid
    })
    options.onChild?.(child)
    child.on('message', (m) => onMessage(m as HostMessage))
    child.on('exit', (code) => onExit(code))
    return {
      post: (m) => void child.send(m),
      kill: () => void child.kill('SIGKILL')
    }
  }
}

export { HostFatal, type ForkedHost } from './clientHost'

/**
 * The built host, forked and driven by the app's own EngineClient (request ids, pending calls, ENGINE_DIED for
 * calls in flight when it dies). No restart by default: a harness or a test wants to see a crash, not recover
 * from it; `maxRestarts` turns the app's restart on.
 */
export function startForkedHost(
  workspace: string,
  options: ForkHostOptions & { maxRestarts?: number; log?: Logger } = {}
): ForkedHost {
  return startClientHost(forkHost(workspace, options), options)
}
