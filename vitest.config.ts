import { defineConfig } from 'vitest/config'

// Tests run in a fixed non-UTC zone with DST (as Observable Plot's do), so code that leans on the machine's zone
// fails here instead of on a user's laptop. Set before the workers start, which inherit it; TZ=... picks another
// zone with daylight saving (test/structure/timeZone.test.ts fails in UTC, so the pin cannot quietly go).
process.env.TZ ??= 'America/Los_Angeles'

// Minimal shared config: engine/shell tests run in plain Node against real DuckDB and real files.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // A fork worker that dies takes its file with it; Vitest does not say which file, unfinishedFiles.ts does.
    reporters: ['default', './test/support/unfinishedFiles.ts'],
    // The CLI and host tests run the compiled CLI and the built engine host: rebuilt when their sources changed.
    globalSetup: ['test/support/buildCli.ts', 'test/support/buildEngineHost.ts']
  }
})
