/**
 * The renderer's view of the engine: every call unwraps its Result and throws AppFailure on failure,
 * so hooks can `catch` and branch on `err.code` instead of message text.
 */
import type { Channel, EventName } from '../../shared/channels'
import type { EventPayloads, Input, Outputs, SaveFileInput, SavedFile } from '../../shared/contract'
import { AppFailure, type ErrorCode, type Result } from '../../shared/result'

export async function call<C extends Channel>(
  channel: C,
  ...args: Input<C> extends void ? [] : [Input<C>]
): Promise<Outputs[C]> {
  const bridge = window.socialbench
  if (!bridge) throw new AppFailure('INTERNAL', 'The engine bridge is not available.')
  const fn = bridge[channel] as (input: unknown) => Promise<Result<Outputs[C]>>
  const result = await fn(args[0])
  if (result.ok) return result.value
  throw new AppFailure(result.error.code, result.error.message, result.error.at)
}

/** Subscribe to a push from the engine; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.socialbench?.on(event, listener) ?? (() => {})
}

export function pathForFile(file: File): Promise<string> {
  return window.socialbench.pathForFile(file)
}

/** Save bytes where the user chooses (native dialog in Electron, a download in a browser); false when cancelled. */
export async function saveFile(input: SaveFileInput): Promise<SavedFile> {
  const result = await window.socialbench.saveFile(input)
  if (result.ok) return result.value
  throw new AppFailure(result.error.code, result.error.message, result.error.at)
}

/** The code of anything thrown: AppFailure keeps its own, anything else is INTERNAL. */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof AppFailure ? err.code : 'INTERNAL'
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Typed shortcuts so call sites read like plain functions. */
export const api = {
  appInfo: () => call('appInfo'),
  workspaceInfo: () => call('workspaceInfo'),
  listDatasets: () => call('listDatasets'),
  previewImport: (input: Input<'previewImport'>) => call('previewImport', input),
  importFile: (input: Input<'importFile'>) => call('importFile', input),
  cancelImport: (input: Input<'cancelImport'>) => call('cancelImport', input),
  datasetPage: (input: Input<'datasetPage'>) => call('datasetPage', input),
  renameDataset: (input: Input<'renameDataset'>) => call('renameDataset', input),
  deleteDataset: (input: Input<'deleteDataset'>) => call('deleteDataset', input),
  loadSample: () => call('loadSample')
}
