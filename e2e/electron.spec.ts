/**
 * The real app: launches the built Electron main (out/main/index.js) on a fresh temp workspace and checks the
 * window, the preload bridge and the sandbox. Skips itself (and says why) where no Electron binary exists,
 * e.g. machines that installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1. Build first (npm run test:e2e does).
 */
import { test, expect, _electron, type ElectronApplication } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Api } from '../src/shared/contract'
import { AppPage } from './pages/AppPage'

const MAIN = resolve('out/main/index.js')

/**
 * The Electron binary path, or why there is none. `require('electron')` returns the path in plain Node, but since
 * Electron 45 it first downloads a missing binary (a network request from the test run, which fails offline): so
 * it is only asked once the package's own record of an installed binary (path.txt and dist/) is there.
 */
function findElectron(): { path: string } | { reason: string } {
  const pkg = resolve('node_modules/electron')
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(join(pkg, 'path.txt'))) {
    return {
      reason: `no Electron binary installed (${join(pkg, 'path.txt')} is absent; ELECTRON_SKIP_BINARY_DOWNLOAD=1 at install?)`
    }
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(join(pkg, 'dist'))) {
    return { reason: `no Electron binary installed (${join(pkg, 'dist')} is absent)` }
  }
  let path: unknown
  try {
    path = createRequire(resolve('package.json'))('electron')
  } catch (err) {
    return { reason: `no Electron binary (require('electron') threw: ${err instanceof Error ? err.message : err})` }
  }
  if (typeof path !== 'string') return { reason: "require('electron') did not return a binary path" }
  if (!existsSync(path)) return { reason: `no Electron binary at ${path}` }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (set DISPLAY, e.g. run under xvfb-run)' }
  }
  return { path }
}

const electron = findElectron()
const skipReason = 'reason' in electron ? `electron.spec.ts skipped: ${electron.reason}` : null
if (skipReason) console.log(skipReason)

let app: ElectronApplication | undefined
let dir = ''

test.beforeEach(async () => {
  test.skip(!!skipReason, skipReason ?? '')
  dir = await mkdtemp(join(tmpdir(), 'socialbench-electron-'))
  const env = { ...process.env, SOCIALBENCH_USER_DATA: join(dir, 'userData') } as Record<string, string>
  delete env.ELECTRON_RENDERER_URL // load the built renderer, never a dev server
  app = await _electron.launch({
    executablePath: 'path' in electron ? electron.path : undefined,
    // Chromium refuses to run its OS sandbox as root (containers, CI); the renderer stays context-isolated.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN, '--workspace', join(dir, 'workspace')],
    env
  })
})

test.afterEach(async () => {
  await app?.close()
  app = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('the window opens on the workspace with the bridge and without Node', async () => {
  const page = await app!.firstWindow()
  page.on('pageerror', (err) => console.error(`[pageerror] ${err.message}`))
  await expect(new AppPage(page).sidebar()).toBeVisible({ timeout: 30_000 })

  const globals = await page.evaluate(() => ({
    require: typeof Reflect.get(globalThis, 'require'),
    process: typeof Reflect.get(globalThis, 'process'),
    ipcRenderer: typeof Reflect.get(globalThis, 'ipcRenderer'),
    bridge: typeof Reflect.get(globalThis, 'socialbench')
  }))
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', bridge: 'object' })

  // The whole chain answers: preload → main (sender check) → engine host → DuckDB workspace.
  const info = await page.evaluate(() => (Reflect.get(globalThis, 'socialbench') as Api).workspaceInfo())
  expect(info).toMatchObject({ ok: true, value: { path: join(dir, 'workspace'), isEmpty: true } })
})

test('the renderer cannot reach the network or open windows', async () => {
  const page = await app!.firstWindow()
  await expect(new AppPage(page).sidebar()).toBeVisible({ timeout: 30_000 })
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'resolved',
      () => 'rejected'
    )
  )
  expect(outcome).toBe('rejected')
  const opened = await page.evaluate(() => {
    const w = Reflect.get(globalThis, 'open') as (url: string) => unknown
    return w('https://example.com/') === null
  })
  expect(opened).toBe(true)
  expect(app!.windows()).toHaveLength(1)
})

test('the engine reads only files the user chose: not a path the page names, nor a File the page made', async () => {
  const page = await app!.firstWindow()
  const ui = new AppPage(page)
  await expect(ui.sidebar()).toBeVisible({ timeout: 30_000 })
  // A readable CSV that the user never picked: a compromised page knowing its path must not preview it.
  const secret = join(dir, 'secret.csv')
  await writeFile(secret, 'account,password\nme,hunter2\n')
  const named = await page.evaluate(
    (path) => (Reflect.get(globalThis, 'socialbench') as Api).previewImport({ path }),
    secret
  )
  expect(named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(secret) } })
  const made = await page.evaluate(() =>
    (Reflect.get(globalThis, 'socialbench') as Api).pathForFile(new File(['x'], 'secret.csv')).then(
      () => 'resolved',
      (err: unknown) => String(err)
    )
  )
  expect(made).toMatch(/has no path on disk/)

  // The same file picked by the user (the window's file picker) is granted and opens in the import dialog.
  await ui.importFileInput().setInputFiles(secret)
  await expect(ui.importDialog()).toBeVisible()
  await expect(ui.importError()).toBeHidden()
})
