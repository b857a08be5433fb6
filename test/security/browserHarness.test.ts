/**
 * The browser harness as an attacking web page meets it: the real server (e2e/server) with the real engine host,
 * spoken to with raw HTTP so every header is exactly what a browser on another site could send. Each attack is
 * refused, and afterwards the workspace reads back as it was: institutions, privacy defaults, datasets.
 * Every refusal is paired with the same request done right, which succeeds, so no check passes by refusing all.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../../e2e/server/server'
import { TOKEN_HEADER } from '../../e2e/server/wire'

const STAGE_LIMIT = 64 * 1024
const EVIL = 'http://evil.example'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

let root = ''
let h: Harness

/** One raw HTTP request; `body` as chunks is sent chunked (no Content-Length), as a stream upload would be. */
function send(opts: {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer | Buffer[]
}): Promise<Reply> {
  const url = new URL(h.origin)
  return new Promise((done, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: opts.method ?? 'POST',
        path: opts.path,
        headers: { host: url.host, ...opts.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
        )
        // An event stream never ends: take what came first.
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.once('data', () => {
            res.destroy()
            done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
          })
        }
      }
    )
    req.on('error', reject)
    if (Array.isArray(opts.body)) {
      for (const chunk of opts.body) req.write(chunk)
      req.end()
    } else req.end(opts.body)
  })
}

/** A stage request that declares `length` bytes, sends one and waits: only a refusal up front answers it. */
function declaredOnly(length: number): Promise<number> {
  const url = new URL(h.origin)
  return new Promise((done, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/__stage?name=huge.csv',
        headers: { [TOKEN_HEADER]: h.token, 'content-length': String(length) }
      },
      (res) => {
        res.resume()
        done(res.statusCode ?? 0)
        req.destroy()
      }
    )
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)))
    req.write('a')
    setTimeout(() => {
      req.destroy()
      reject(new Error('no answer to a declared oversized upload within 5 s'))
    }, 5_000).unref()
  })
}

const good = (): Record<string, string> => ({
  [TOKEN_HEADER]: h.token,
  'content-type': 'application/json',
  origin: h.origin
})
const api = (channel: string, input: unknown, headers: Record<string, string> = good()): Promise<Reply> =>
  send({ path: `/__api/${channel}`, headers, body: JSON.stringify(input) })
const value = async (channel: string, input: unknown = null): Promise<unknown> => {
  const r = JSON.parse((await api(channel, input)).text) as { ok: boolean; value?: unknown; error?: unknown }
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`)
  return r.value
}

/** What the attacks aim at, read straight from the engine (not through the HTTP front being tested). */
async function workspaceState(): Promise<unknown> {
  const read = async (channel: 'listInstitutions' | 'getPrivacyDefaults' | 'listDatasets'): Promise<unknown> => {
    const r = await h.engine.call(channel, undefined)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  return {
    institutions: await read('listInstitutions'),
    privacy: await read('getPrivacyDefaults'),
    datasets: await read('listDatasets')
  }
}

/** Every file under the staging folder, relative to it. */
const stagedFiles = (): string[] =>
  readdirSync(h.stagingDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)

let before: unknown
let datasetId = 0

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-harness-sec-'))
  h = await startHarness({ workspace: join(root, 'ws'), stageLimit: STAGE_LIMIT })
  // A workspace worth attacking, built through the front door with the token, as the page would.
  await value('createInstitution', { name: 'Museum of Testing' })
  await value('setPrivacyDefaults', { text: 'redact', people: 'hash' })
  const staged = await send({
    path: '/__stage?name=posts.csv',
    headers: { [TOKEN_HEADER]: h.token },
    body: 'post_id,likes\np1,3\np2,5\n'
  })
  expect(staged.status).toBe(200)
  const path = (JSON.parse(staged.text) as { path: string }).path
  const imported = (await value('importFile', { path, jobId: 'setup' })) as { datasetId: number }
  datasetId = imported.datasetId
  before = await workspaceState()
  expect(before).toMatchObject({
    institutions: [{ name: 'Museum of Testing' }],
    privacy: { text: 'redact', people: 'hash' }
  })
  expect((before as { datasets: unknown[] }).datasets).toHaveLength(1)
}, 120_000)

afterAll(async () => {
  await h?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('the harness refuses a page on another site', () => {
  // What each attack would have done had it got through.
  const attacks: [string, unknown][] = [
    ['createInstitution', { name: 'Evil Corp' }],
    ['setPrivacyDefaults', { text: 'keep', people: 'keep' }],
    ['deleteDataset', { datasetId: -1 }]
  ]

  it('a no-JavaScript <form enctype="text/plain"> whose field name and value spell JSON', async () => {
    // <input name='{"name":"Evil Corp","kind":"' value='"}'> submits: name=value, CRLF-terminated.
    const body = '{"name":"Evil Corp","kind":"="}\r\n'
    const r = await send({
      path: '/__api/createInstitution',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body
    })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it.each(attacks)('a cross-origin text/plain POST (no-cors fetch) to %s', async (channel, input) => {
    const deleteInput = channel === 'deleteDataset' ? { datasetId } : input
    const tries: Record<string, string>[] = [
      { 'content-type': 'text/plain', origin: EVIL },
      // Even a page that somehow learnt the token: wrong origin.
      { 'content-type': 'text/plain', origin: EVIL, [TOKEN_HEADER]: h.token },
      // And with no Origin at all (an old browser, a stripped header): no token.
      { 'content-type': 'text/plain' }
    ]
    for (const headers of tries) {
      const r = await api(channel, deleteInput, headers)
      expect(r.status, JSON.stringify(headers)).toBe(403)
    }
  })

  it('a missing, empty, wrong or truncated token, everything else right', async () => {
    const { [TOKEN_HEADER]: _, ...noToken } = good()
    const tries: [Record<string, string>, RegExp][] = [
      [noToken, /Missing harness token/],
      [{ ...noToken, [TOKEN_HEADER]: '' }, /Missing harness token/],
      [{ ...noToken, [TOKEN_HEADER]: 'x'.repeat(h.token.length) }, /Wrong harness token/],
      [{ ...noToken, [TOKEN_HEADER]: h.token.slice(0, -1) }, /Wrong harness token/],
      [{ ...noToken, [TOKEN_HEADER]: `${h.token}x` }, /Wrong harness token/]
    ]
    for (const [headers, message] of tries) {
      const r = await api('createInstitution', { name: 'Evil Corp' }, headers)
      expect(r.status).toBe(403)
      expect(JSON.parse(r.text)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(message) }
      })
    }
  })

  it('a wrong Origin, "null" Origin or foreign Host, token and JSON right', async () => {
    for (const origin of [EVIL, 'null', `${h.origin}.evil.example`, h.origin.replace('127.0.0.1', 'localhost')]) {
      const r = await api('setPrivacyDefaults', { text: 'keep', people: 'keep' }, { ...good(), origin })
      expect(r.status, origin).toBe(403)
      expect(r.text).toContain(`Requests from ${origin} are refused`)
    }
    // DNS rebinding: evil.example resolved to 127.0.0.1, so the browser calls it same-origin, Host names it.
    const port = new URL(h.origin).port
    const rebound = await api(
      'setPrivacyDefaults',
      { text: 'keep', people: 'keep' },
      { ...good(), host: `evil.example:${port}`, origin: `http://evil.example:${port}` }
    )
    expect(rebound.status).toBe(403)
  })

  it('the CORS preflight a custom header forces is refused, with no Access-Control-Allow-* to lean on', async () => {
    const r = await send({
      method: 'OPTIONS',
      path: '/__api/createInstitution',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': `${TOKEN_HEADER},content-type`
      }
    })
    expect(r.status).toBe(403)
    expect(Object.keys(r.headers).filter((k) => k.startsWith('access-control-'))).toEqual([])
  })

  it('any type but application/json on the API, token and origin right', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-seq'
    ]) {
      const r = await api('createInstitution', { name: 'Evil Corp' }, { ...good(), 'content-type': type })
      expect(r.status, type).toBe(415)
      expect(JSON.parse(r.text)).toMatchObject({
        error: { code: 'FORBIDDEN', message: expect.stringContaining('application/json') }
      })
    }
    const { 'content-type': _, ...untyped } = good()
    expect((await api('createInstitution', { name: 'Evil Corp' }, untyped)).status).toBe(415)
  })

  it('the event stream without the token; with it, it opens', async () => {
    const refused = await send({ method: 'GET', path: '/__events' })
    expect(refused.status).toBe(403)
    const wrong = await send({ method: 'GET', path: '/__events', headers: { [TOKEN_HEADER]: 'nope' } })
    expect(wrong.status).toBe(403)
    // A token in the query is not a way in either: only the header counts.
    expect((await send({ method: 'GET', path: `/__events?token=${h.token}` })).status).toBe(403)
    const open = await send({ method: 'GET', path: '/__events', headers: { [TOKEN_HEADER]: h.token } })
    expect(open.status).toBe(200)
    expect(open.headers['content-type']).toBe('text/event-stream')
  })

  it('a stage upload without the token, or from another origin, writes nothing', async () => {
    const files = stagedFiles()
    expect(
      (await send({ path: '/__stage?name=evil.csv', headers: { 'content-type': 'text/plain' }, body: 'a,b\n' })).status
    ).toBe(403)
    expect(
      (
        await send({
          path: '/__stage?name=evil.csv',
          headers: { [TOKEN_HEADER]: h.token, origin: EVIL },
          body: 'a,b\n'
        })
      ).status
    ).toBe(403)
    expect(stagedFiles()).toEqual(files)
  })
})

describe('uploads stay small and inside the staging folder', () => {
  it('refuses an upload over the cap, declared or streamed, and leaves no partial file', async () => {
    const files = stagedFiles()
    const big = Buffer.alloc(STAGE_LIMIT + 1, 0x61)
    const declared = await send({ path: '/__stage?name=big.csv', headers: { [TOKEN_HEADER]: h.token }, body: big })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.text)).toEqual({
      error: "big.csv is larger than the harness's upload limit of 64 KB (--stage-limit or SOCIALBENCH_STAGE_LIMIT)"
    })
    // Chunked: no Content-Length to refuse up front; the cap stops it as it streams.
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(STAGE_LIMIT / 4, 0x62))
    const streamed = await send({
      path: '/__stage?name=streamed.csv',
      headers: { [TOKEN_HEADER]: h.token },
      body: chunks
    })
    expect(streamed.status).toBe(413)
    expect(stagedFiles()).toEqual(files)
    // A declared size over the cap is refused before any byte is read: the answer comes though the body never does.
    expect(await declaredOnly(1024 ** 3)).toBe(413)
    // Exactly the cap is fine.
    const fits = await send({
      path: '/__stage?name=fits.csv',
      headers: { [TOKEN_HEADER]: h.token },
      body: Buffer.alloc(STAGE_LIMIT, 0x63)
    })
    expect(fits.status).toBe(200)
  })

  it('refuses a file name that would leave the staging folder', async () => {
    const files = stagedFiles()
    for (const name of [
      '../escaped.csv',
      '../../escaped.csv',
      '..\\escaped.csv',
      'sub/escaped.csv',
      '/tmp/escaped.csv',
      '..',
      '.',
      'a\0.csv'
    ]) {
      const r = await send({
        path: `/__stage?name=${encodeURIComponent(name)}`,
        headers: { [TOKEN_HEADER]: h.token },
        body: 'a,b\n'
      })
      expect(r.status, name).toBe(400)
    }
    expect(existsSync(join(h.stagingDir, '..', 'escaped.csv'))).toBe(false)
    expect(existsSync(join(h.stagingDir, '..', '..', 'escaped.csv'))).toBe(false)
    expect(existsSync('/tmp/escaped.csv')).toBe(false)
    expect(stagedFiles()).toEqual(files)
  })
})

describe('the engine reads only staged files', () => {
  it('refuses previewImport, importFile and readQueryPack of a file that was not uploaded', async () => {
    const outside = join(root, 'outside.csv')
    writeFileSync(outside, 'a,b\n1,2\n')
    // Inside the staging folder but never uploaded, and a `..` walk out of a real staged slot.
    const planted = join(h.stagingDir, 'planted.csv')
    writeFileSync(planted, 'a,b\n1,2\n')
    const walkOut = join(h.stagingDir, '1', '..', '..', '..', 'etc', 'passwd')
    for (const path of ['/etc/passwd', outside, planted, walkOut]) {
      for (const [channel, input] of [
        ['previewImport', { path }],
        ['importFile', { path, jobId: 'evil' }],
        ['readQueryPack', { path }]
      ] as const) {
        const r = await api(channel, input)
        expect(r.status).toBe(200)
        expect(JSON.parse(r.text), `${channel} ${path}`).toEqual({
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `${channel}: ${path} is not a file you chose; in the browser harness the engine reads only files uploaded through the page`
          }
        })
      }
    }
    rmSync(planted)
  })

  it('previews a file that was uploaded', async () => {
    const r = await send({ path: '/__stage?name=mine.csv', headers: { [TOKEN_HEADER]: h.token }, body: 'a,b\n1,2\n' })
    const { path } = JSON.parse(r.text) as { path: string }
    expect(path.startsWith(h.stagingDir)).toBe(true)
    expect(await value('previewImport', { path })).toMatchObject({ fileName: 'mine.csv' })
  })
})

describe('responses cannot be framed', () => {
  it('sends X-Frame-Options and frame-ancestors on pages, API answers and refusals', async () => {
    const replies = [
      await send({ method: 'GET', path: '/' }),
      await api('listDatasets', null),
      await api('listDatasets', null, {})
    ]
    for (const r of replies) {
      expect(r.headers['x-frame-options']).toBe('DENY')
      expect(r.headers['content-security-policy']).toBe("frame-ancestors 'none'")
    }
  })
})

it('after every attack the workspace reads back unchanged', async () => {
  expect(await workspaceState()).toEqual(before)
})
