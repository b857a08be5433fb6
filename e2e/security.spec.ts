/**
 * What a real browser lets a page do to the harness, and what the CSP lets an injected element do to the page.
 * "Another site" is a second loopback server on another port: a different origin, so the browser applies the
 * same rules it would to any web site, and it counts every request it gets so a leak shows as a number.
 * (That the renderer has no Node is an Electron property: electron.spec.ts checks it in the real app.)
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Api } from '../src/shared/contract'
import { TOKEN_HEADER } from './server/wire'
import { test, expect } from './fixtures/app'

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i

interface OtherSite {
  origin: string
  /** Paths requested so far, in order. */
  hits: string[]
  close(): Promise<void>
}

/** A site on another origin that serves `pages` (path → HTML) and answers anything else with a tiny script. */
async function otherSite(pages: Record<string, string> = {}): Promise<OtherSite> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '')
    const html = pages[req.url ?? '']
    res.writeHead(200, { 'content-type': html ? 'text/html' : 'text/javascript' })
    res.end(html ?? 'window.__evilRan = true')
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections()
        server.close(() => closed())
      })
  }
}

test('the page comes with the strict CSP, and headers that forbid framing', async ({ page, harness }) => {
  const res = await page.request.get(harness.origin + '/')
  expect(res.headers()['x-frame-options']).toBe('DENY')
  expect(res.headers()['content-security-policy']).toBe("frame-ancestors 'none'")
  const csp = CSP_META.exec(await res.text())?.[1] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).toMatch(/script-src 'self'(;|$)/)
  expect(csp).not.toContain('unsafe-eval')
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', csp)
})

test('the CSP blocks an injected remote script and iframe', async ({ page }) => {
  const site = await otherSite({ '/frame.html': '<p>framed</p>' })
  try {
    const violations = await page.evaluate(async (origin) => {
      const seen: string[] = []
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective))
      const script = document.createElement('script')
      script.src = `${origin}/evil.js`
      const frame = document.createElement('iframe')
      frame.src = `${origin}/frame.html`
      document.body.append(script, frame)
      await new Promise((settle) => setTimeout(settle, 1000))
      return seen.sort()
    }, site.origin)
    expect(violations).toEqual(['frame-src', 'script-src-elem'])
    expect(await page.evaluate(() => Reflect.get(globalThis, '__evilRan'))).toBeUndefined()
    expect(site.hits, 'requests that reached the other site').toEqual([])
  } finally {
    await site.close()
  }
})

test('CSP stops the page from reaching the internet', async ({ page }) => {
  const violations: string[] = []
  const outbound: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) outbound.push(r.url())
  })
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'resolved',
      (err: unknown) => `rejected: ${String(err)}`
    )
  )
  expect(outcome).toMatch(/^rejected/)
  await expect.poll(() => violations.join('\n')).toMatch(/connect-src/)
  expect(outbound).toEqual([])
})

test('another site can neither frame the harness nor drive it', async ({ page, harness }) => {
  // Everything an attacking page can do without the token: a framed copy to click on, a no-JavaScript form whose
  // field spells JSON, a no-cors text/plain POST, and a CORS fetch that even carries a (guessed) token header.
  const attack = `<!doctype html><body>
    <iframe id="framed" src="${harness.url}"></iframe>
    <iframe name="sink"></iframe>
    <form id="form" method="POST" enctype="text/plain" target="sink" action="${harness.origin}/__api/createInstitution">
      <input name='{"name":"Evil Corp","kind":"' value='"}'>
    </form>
    <script>
      document.getElementById('form').submit()
      window.noCorsResult = fetch('${harness.origin}/__api/setPrivacyDefaults', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ text: 'keep', people: 'keep' }) }).then((r) => 'type ' + r.type, (e) => 'rejected ' + e.name)
      window.corsResult = fetch('${harness.origin}/__api/createInstitution', { method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': 'guess' }, body: JSON.stringify({ name: 'Evil Corp 2' }) })
        .then((r) => 'status ' + r.status, (e) => 'rejected ' + e.name)
    </script>`
  const site = await otherSite({ '/attack.html': attack })
  const before = await harness.engine.call('getPrivacyDefaults', undefined)
  try {
    // What the browser sent to the harness's API, and what came back (a response blocked by CORP shows as failed).
    const sent: string[] = []
    const answered: string[] = []
    page.on('request', (r) => {
      if (r.url().startsWith(`${harness.origin}/__api/`)) sent.push(`${r.method()} ${new URL(r.url()).pathname}`)
    })
    page.on('response', (r) => {
      if (r.url().startsWith(`${harness.origin}/__api/`)) answered.push(`${r.status()} ${new URL(r.url()).pathname}`)
    })
    await page.goto(`${site.origin}/attack.html`)
    // The custom header forced a preflight, which the harness refused: the POST itself was never sent.
    expect(await page.evaluate(() => Reflect.get(globalThis, 'corsResult'))).toBe('rejected TypeError')
    // Sent, refused, and its (opaque) answer not even handed to the page: Cross-Origin-Resource-Policy.
    expect(await page.evaluate(() => Reflect.get(globalThis, 'noCorsResult'))).toBe('rejected TypeError')
    await expect.poll(() => answered).toContain('403 /__api/createInstitution')
    expect(sent).toEqual(expect.arrayContaining(['POST /__api/createInstitution', 'POST /__api/setPrivacyDefaults']))

    // The frame was refused by the browser: it never ran the app, so it has no bridge.
    const framed = page.frames().find((f) => f !== page.mainFrame() && f.name() !== 'sink')
    expect(framed, 'the attack page has its iframe').toBeDefined()
    expect(framed!.url()).not.toContain(harness.origin)
    expect(
      await framed!.evaluate(() => typeof Reflect.get(globalThis, 'socialbench')).catch(() => 'no access')
    ).not.toBe('object')

    expect(await harness.engine.call('listInstitutions', undefined)).toEqual({ ok: true, value: [] })
    expect(await harness.engine.call('getPrivacyDefaults', undefined)).toEqual(before)
  } finally {
    await site.close()
  }
})

test('the token leaves the address bar, survives a reload, and a page without it is refused', async ({
  page,
  harness,
  browser
}) => {
  expect(page.url()).toBe(harness.origin + '/')
  await page.reload()
  const after = await page.evaluate(() => (Reflect.get(globalThis, 'socialbench') as Api).listDatasets())
  expect(after).toEqual({ ok: true, value: [] })

  // A new tab opened on the bare address (no #token=…) has no way to learn it.
  const other = await browser.newPage()
  try {
    await other.goto(harness.origin + '/')
    const refused = await other.evaluate(() => (Reflect.get(globalThis, 'socialbench') as Api).listDatasets())
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('Missing harness token') }
    })
  } finally {
    await other.close()
  }
})

test('the engine validates input from the page', async ({ page }) => {
  const result = await page.evaluate(() =>
    (Reflect.get(globalThis, 'socialbench') as Api).renameDataset({ datasetId: -1, name: '' })
  )
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})

test('the page cannot make the engine read a file it did not upload', async ({ page }) => {
  const result = await page.evaluate(() =>
    (Reflect.get(globalThis, 'socialbench') as Api).previewImport({ path: '/etc/passwd' })
  )
  expect(result).toEqual({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message:
        'previewImport: /etc/passwd is not a file you chose; in the browser harness the engine reads only files uploaded through the page'
    }
  })
})
