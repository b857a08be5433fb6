/**
 * The diagnostic log: one local file, never sent anywhere (the app is offline by promise).
 */
import log from 'electron-log/main'

export function setupLog(): string | null {
  // Only the file and the console. electron-log's remote transport posts to a URL; keep it off even
  // though it is off by default, so a future default cannot change that. The ipc transport (renderer
  // logs) is off because the sandboxed renderer does not use electron-log.
  log.transports.remote.level = false
  log.transports.ipc.level = false
  log.transports.file.level = 'info'
  log.transports.file.maxSize = 5 * 1024 * 1024
  log.errorHandler.startCatching({ showDialog: false })
  try {
    return log.transports.file.getFile().path
  } catch {
    return null
  }
}

export { log }
