import { defineConfig } from 'vitest/config'

// Minimal shared config: engine/shell tests run in plain Node against real DuckDB and real files.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000
  }
})
