import { defineConfig } from '@playwright/test'

const CI = !!process.env.CI

// A fixed zone with daylight saving, as for the unit tests (vitest.config.ts): the harness and the engine host
// inherit TZ, and the page gets the same zone, so a renderer that shows a UTC day in local time fails here too.
process.env.TZ ??= 'America/Los_Angeles'

/**
 * Browser e2e: the real built renderer (out/renderer) in Debian's Chromium, with `window.socialbench` served by the
 * real engine over loopback (e2e/server). electron.spec.ts drives the packaged app instead and skips itself when no
 * Electron binary is present. Build first: `npm run test:e2e` runs `electron-vite build && playwright test`.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Every test has its own workspace, engine process and server, so tests are independent.
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  // Loading the sample runs 39 real-format imports through recognition; allow for a slow, shared CI machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    timezoneId: process.env.TZ,
    // Everything is loopback; an offline app should never wait on the network.
    actionTimeout: 10_000,
    trace: CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  }
})
