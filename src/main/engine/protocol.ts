/**
 * The one message protocol between the engine host process (DuckDB lives there) and whoever drives it:
 * the Electron main process (utilityProcess), the browser test harness (child_process.fork) or tests.
 */
import type { Channel, EventName } from '../../shared/channels'
import type { AppError, Result } from '../../shared/result'

export type HostRequest = { type: 'call'; id: number; channel: Channel; input: unknown } | { type: 'shutdown' }

export type HostMessage =
  | { type: 'ready'; workspace: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  /** The host could not start (workspace in use, unwritable...); it exits after sending this. */
  | { type: 'fatal'; error: AppError }
