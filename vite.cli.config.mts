/**
 * The CLI, compiled: `npm run build:cli` writes out/cli/main.cjs, which bin/socialbench.cjs runs. Dependencies
 * stay in node_modules (an SSR build externalises them), and every dynamic import becomes its own chunk, so a
 * command loads only what it uses: `--version` never loads DuckDB, `sql` never loads the chart renderers.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' }
    }
  },
  logLevel: 'warn'
})
