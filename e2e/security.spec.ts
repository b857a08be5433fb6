import type { Api } from '../src/shared/contract'
import { test, expect } from './fixtures/app'

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i

test('the renderer has no Node: no require, no process', async ({ page }) => {
  const globals = await page.evaluate(() => ({
    require: typeof Reflect.get(globalThis, 'require'),
    process: typeof Reflect.get(globalThis, 'process'),
    module: typeof Reflect.get(globalThis, 'module'),
    bridge: typeof Reflect.get(globalThis, 'socialbench')
  }))
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: 'object' })
})

test('the served HTML carries the strict CSP', async ({ page, harness }) => {
  const html = await (await fetch(harness.url)).text()
  const csp = CSP_META.exec(html)?.[1] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).toMatch(/script-src 'self'(;|$)/)
  expect(csp).not.toContain('unsafe-eval')
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', csp)
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

test('the engine validates input from the page', async ({ page }) => {
  const result = await page.evaluate(() =>
    (Reflect.get(globalThis, 'socialbench') as Api).renameDataset({ datasetId: -1, name: '' })
  )
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
})
