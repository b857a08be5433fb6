/**
 * `POST /__stage?name=…`: the browser's stand-in for a file path. The page uploads the file it was given (picker
 * or drop); we copy it into a fresh subfolder of the staging folder and hand back that path. Bounded twice: a
 * size cap (the disk is not the caller's to fill) and a file name that can only land inside the staging folder.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join, resolve, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export const DEFAULT_STAGE_LIMIT = 2 * 1024 ** 3
/** Overrides the cap for `npm run serve:web` (also `--stage-limit`); e.g. `500M`, `4G`, `1048576`. */
export const STAGE_LIMIT_ENV = 'SOCIALBENCH_STAGE_LIMIT'

export class StageError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string
  ) {
    super(message)
    this.name = 'StageError'
  }
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }

/** "2G", "500m", "64k" or plain bytes; throws on anything else so a typo never means "no cap". */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text)
  const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]) : NaN
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new Error(`Not a size: ${JSON.stringify(text)} (try 500M or 2G)`)
  return bytes
}

export function stageLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = env[STAGE_LIMIT_ENV]
  return v ? parseByteSize(v) : DEFAULT_STAGE_LIMIT
}

export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024]
  ] as const) {
    if (n >= size) return `${+(n / size).toFixed(1)} ${unit}`
  }
  return `${n} bytes`
}

/**
 * The file name as the page sent it, refused unless it is one plain name: a browser's File.name never holds a
 * folder, so a separator, `..` or NUL is an attempt to write outside the staging folder.
 */
export function stageFileName(name: string | null): string {
  if (!name) throw new StageError(400, 'Missing file name')
  if (name === '.' || name === '..' || /[/\\\0]/.test(name) || Buffer.byteLength(name) > 255) {
    throw new StageError(
      400,
      `Refused file name ${JSON.stringify(name.slice(0, 300))}: a plain file name only, no folders`
    )
  }
  return name
}

/** Streams the upload to `<stagingDir>/<slot>/<name>`; on any failure nothing is left behind. Returns the path. */
export async function stageUpload(
  req: IncomingMessage,
  opts: { stagingDir: string; slot: string; name: string | null; limit: number }
): Promise<string> {
  const fileName = stageFileName(opts.name)
  const tooLarge = (): StageError =>
    new StageError(
      413,
      `${fileName} is larger than the harness's upload limit of ${formatBytes(opts.limit)} (--stage-limit or ${STAGE_LIMIT_ENV})`
    )
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > opts.limit) throw tooLarge()

  const dir = join(opts.stagingDir, opts.slot)
  const path = resolve(dir, fileName)
  if (!path.startsWith(resolve(opts.stagingDir) + sep))
    throw new StageError(400, `Refused file name ${JSON.stringify(fileName)}`)
  await mkdir(dir)

  // Counted as it streams: a chunked upload (or a lying Content-Length) is stopped at the cap, not after.
  let size = 0
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > opts.limit) done(tooLarge())
      else done(null, chunk)
    }
  })
  const interrupted = (): void => {
    if (!req.complete) cap.destroy(new StageError(400, `The upload of ${fileName} was interrupted`))
  }
  req.once('close', interrupted)
  // req is piped, not part of the pipeline: a failed pipeline destroys its streams, and destroying req would
  // take the socket with it before the 413 is sent. Left unread, Node discards the rest of the body.
  req.pipe(cap)
  try {
    await pipeline(cap, createWriteStream(path, { flags: 'wx' }))
    return path
  } catch (err) {
    req.unpipe(cap)
    req.resume()
    await rm(dir, { recursive: true, force: true })
    throw err
  } finally {
    req.off('close', interrupted)
  }
}
