/**
 * The engine host: owns the Engine inside its own process and answers protocol messages. Calls run
 * concurrently (so cancelImport is not queued behind the import it cancels); the database serialises writes.
 */
import { toFailure } from '../../shared/result'
import { openEngine, type Engine } from './engine'
import type { HostMessage, HostRequest } from './protocol'

export interface HostPort {
  send(message: HostMessage): void
  onMessage(listener: (message: HostRequest) => void): void
  exit(code: number): void
}

export async function runHost(port: HostPort, workspaceDir: string, logPath: string | null): Promise<void> {
  let engine: Engine
  try {
    engine = await openEngine(workspaceDir, { logPath })
  } catch (err) {
    const failure = toFailure(err)
    port.send({ type: 'fatal', error: failure.ok ? { code: 'INTERNAL', message: 'unknown' } : failure.error })
    // Give the message a moment to leave before the process goes away.
    setTimeout(() => port.exit(1), 50)
    return
  }
  engine.onEvent((event, payload) => port.send({ type: 'event', event, payload }))
  port.onMessage((message) => {
    if (message.type === 'shutdown') {
      // Closing the workspace makes every undoable action final (undo/trash.ts); the shell kills the host if
      // this takes too long, and the next open purges what is left.
      void engine
        .shutdown()
        .catch(() => undefined)
        .then(() => port.exit(0))
      return
    }
    if (message.type === 'call') {
      void engine
        .callWire(message.channel, message.input)
        .then((result) => port.send({ type: 'result', id: message.id, result }))
    }
  })
  port.send({ type: 'ready', workspace: engine.paths.dir })
}
