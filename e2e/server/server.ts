/**
 * The browser harness: the real built renderer plus `window.socialbench` served by the real engine host,
 * on 127.0.0.1 only. Used by the Playwright fixture and by `npm run serve:web`. Who may call it: auth.ts;
 * which files the engine may read: only the staged uploads (pathGrants.ts).
 */
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { PathGrants } from '../../src/main/shell/pathGrants'
import { workspaceActions } from '../../src/main/shell/workspaceActions'
import { CHANNELS, WORKSPACE_CALLS, type Channel, type WorkspaceCall } from '../../src/shared/channels'
import { fail, type Result } from '../../src/shared/result'
import {
  checkJsonType,
  checkOrigin,
  checkToken,
  newToken,
  setSecurityHeaders,
  urlWithToken,
  type Refusal
} from './auth'
import { startEngineHost, type EngineHost } from './engineHost'
import { StageError, stageLimitFromEnv, stageUpload } from './stage'
import { shimScript } from './shimBundle'
import { SHIM_PATH, sendText, serveStatic } from './staticFiles'
import { decodeJson, encodeJson } from './wire'

export interface HarnessOptions {
  workspace: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Load the bundled sample datasets before serving. */
  sample?: boolean
  /** The largest file /__stage accepts, in bytes; default SOCIALBENCH_STAGE_LIMIT or 2 GB. */
  stageLimit?: number
  /** Where Open Recent is kept (the app's user-data folder); default a temp folder removed on close. */
  userDataDir?: string
  /** The only folder the page may make or open workspaces in (typed paths); default the workspace's parent. */
  workspaceRoot?: string
}

export interface Harness {
  /** The page to open: the origin plus `#token=…`. */
  url: string
  /** `http://127.0.0.1:<port>`, the one Origin the harness accepts. */
  origin: string
  /** This launch's secret, sent by the page in TOKEN_HEADER. */
  token: string
  workspace: string
  stagingDir: string
  engine: EngineHost
  close(): Promise<void>
}

const MAX_JSON_BYTES = 1 << 20
const toBase64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')
const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'))
const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c)
const isWorkspaceCall = (c: string): c is WorkspaceCall => (WORKSPACE_CALLS as readonly string[]).includes(c)

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const ownUserData = opts.userDataDir ? null : await mkdtemp(join(tmpdir(), 'socialbench-user-data-'))
  const userDataDir = opts.userDataDir ?? ownUserData!
  const recentFile = join(userDataDir, 'recent-workspaces.json')
  const [shim, engine] = await Promise.all([shimScript(), startEngineHost(opts.workspace, recentFile)])
  const stagingDir = await mkdtemp(join(tmpdir(), 'socialbench-stage-'))
  const workspaceRoot = resolve(opts.workspaceRoot ?? dirname(resolve(opts.workspace)))
  // Exported .sbw files wait here until the page downloads them (/__download/<n>).
  const downloads = new Map<string, string>()
  const stageLimit = opts.stageLimit ?? stageLimitFromEnv()
  const token = newToken()
  const grants = new PathGrants('in the browser harness the engine reads only files uploaded through the page')
  const sseClients = new Set<ServerResponse>()
  let staged = 0
  // The workspace menu, as the app answers it (workspaceActions.ts), with the harness's stand-ins for dialogs:
  // folders are typed in the page (and only under workspaceRoot), a .sbw is uploaded, an export is downloaded.
  const actions = workspaceActions(engine.switcher, grants, {
    chooseFolder: async () => null,
    chooseArchive: async () => null,
    async saveArchivePath(defaultName) {
      const dir = join(stagingDir, 'exports', String(++staged))
      await mkdir(dir, { recursive: true })
      return join(dir, defaultName)
    },
    async exported(file) {
      const id = String(downloads.size + 1)
      downloads.set(id, file.path)
      return { downloadUrl: `/__download/${id}` }
    },
    reveal: async () => false,
    refuseFolder(path) {
      const inside = relative(workspaceRoot, resolve(path))
      return inside && !inside.startsWith('..') && !isAbsolute(inside)
        ? null
        : `The browser harness makes and opens workspaces only inside ${workspaceRoot}; choose a folder there.`
    }
  })

  if (opts.sample) {
    const r = await engine.call('loadSample', undefined)
    if (!r.ok) throw new Error(`loadSample failed: ${r.error.code} ${r.error.message}`)
  }

  const offEvents = engine.onEvent((event, payload) => {
    const frame = `data: ${encodeJson({ event, payload }, toBase64)}\n\n`
    for (const res of sseClients) res.write(frame)
  })

  async function handleApi(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let result: Result<unknown>
    if (!isChannel(channel)) result = fail('NOT_FOUND', `Unknown channel: ${channel}`)
    else {
      const text = await readBody(req, MAX_JSON_BYTES)
      const input = text === '' ? undefined : decodeJson(text, fromBase64)
      // The shim sends null for void channels; the host validates everything else.
      result = (await grants.refuse(channel, input)) ?? (await engine.call(channel, input === null ? undefined : input))
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(encodeJson(result, toBase64))
  }

  async function handleWorkspaceCall(call: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req, MAX_JSON_BYTES)
    const input = text === '' ? undefined : decodeJson(text, fromBase64)
    const result = isWorkspaceCall(call)
      ? await actions[call](input === null ? undefined : input)
      : fail('NOT_FOUND', `Unknown workspace call: ${call}`)
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(encodeJson(result, toBase64))
  }

  async function handleDownload(id: string, res: ServerResponse): Promise<void> {
    const path = downloads.get(id)
    const info = path ? await stat(path).catch(() => null) : null
    if (!path || !info) return sendText(res, 404, 'No such download')
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(info.size),
      'content-disposition': `attachment; filename="${basename(path).replace(/[^\w.\- ]/g, '_')}"`,
      'cache-control': 'no-store'
    })
    createReadStream(path).pipe(res)
  }

  async function handleStage(name: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // A fresh subfolder per upload keeps the user's file name, so two picks of "export.csv" never collide.
      const path = await stageUpload(req, { stagingDir, slot: String(++staged), name, limit: stageLimit })
      await grants.grant(path)
      sendJson(res, 200, { path })
    } catch (err) {
      if (!(err instanceof StageError)) throw err
      sendJson(res, err.status, { error: err.message }, { connection: 'close' })
    }
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    sseClients.add(res)
    req.on('close', () => sseClients.delete(res))
  }

  /** Refused requests get a Result, so the page shows the reason rather than "server unreachable". */
  const refuse = (res: ServerResponse, r: Refusal): void =>
    sendJson(res, r.status, fail('FORBIDDEN', r.message), { connection: 'close' })

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    setSecurityHeaders(res)
    // Only our own page: another site (or a DNS-rebound name) must not drive the engine, even to read static files.
    const foreign = checkOrigin(req, { host: hostHeader(), origin: origin() })
    if (foreign) return refuse(res, foreign)
    const route = async (): Promise<void> => {
      // Everything that reaches the engine or the disk needs this launch's token; the renderer's files do not.
      const json = url.pathname.startsWith('/__api/') || url.pathname.startsWith('/__workspace/')
      if (
        json ||
        url.pathname === '/__stage' ||
        url.pathname === '/__events' ||
        url.pathname.startsWith('/__download/')
      ) {
        const refused = checkToken(req, token) ?? (json ? checkJsonType(req) : null)
        if (refused) return refuse(res, refused)
      }
      if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
        return handleApi(url.pathname.slice('/__api/'.length), req, res)
      }
      if (req.method === 'POST' && url.pathname.startsWith('/__workspace/')) {
        return handleWorkspaceCall(url.pathname.slice('/__workspace/'.length), req, res)
      }
      if (req.method === 'GET' && url.pathname.startsWith('/__download/')) {
        return handleDownload(url.pathname.slice('/__download/'.length), res)
      }
      if (req.method === 'POST' && url.pathname === '/__stage')
        return handleStage(url.searchParams.get('name'), req, res)
      if (req.method === 'GET' && url.pathname === '/__events') return handleEvents(req, res)
      if (req.method === 'GET' && url.pathname === SHIM_PATH) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        res.end(shim)
        return
      }
      if (req.method === 'GET') return serveStatic(url.pathname, res)
      sendText(res, 405, 'Method not allowed')
    }
    route().catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, err instanceof Error ? err.message : String(err))
      else res.destroy()
    })
  })

  await new Promise<void>((listening, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => listening())
  })
  const port = (server.address() as AddressInfo).port
  const hostHeader = (): string => `127.0.0.1:${port}`
  const origin = (): string => `http://${hostHeader()}`

  return {
    url: urlWithToken(origin(), token),
    origin: origin(),
    token,
    workspace: opts.workspace,
    stagingDir,
    engine,
    async close() {
      offEvents()
      for (const res of sseClients) res.end()
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
      await engine.close()
      await rm(stagingDir, { recursive: true, force: true })
      if (ownUserData) await rm(ownUserData, { recursive: true, force: true })
    }
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error('Request body too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify(body))
}
