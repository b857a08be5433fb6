// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/**
 * Layering (see ARCHITECTURE.md): shared is pure, the renderer sees only shared, main never reaches into the renderer,
 * and the engine never touches Electron (it runs in a plain Node child process in tests and the CLI).
 */
const NODE = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))]
const ban = (group, message) => ({ group, message })
const layer = (...groups) => ['error', { patterns: groups }]

const electron = ban(['electron', 'electron/*'], 'Electron is only for the main process and the preload.')
const node = ban(NODE, 'No Node built-ins here: this code also runs in the sandboxed renderer.')
const intoMain = ban(['**/main', '**/main/**'], 'Only the shared layer crosses process boundaries.')
const intoRenderer = ban(['**/renderer', '**/renderer/**'], 'Main and preload never import renderer code.')
const intoPreload = ban(['**/preload', '**/preload/**'], 'Only the shared layer crosses process boundaries.')
// The CLI is a client of the contract like the app: it reaches the engine through its front door only.
// (A regex: a glob cannot re-include one file under an excluded folder.)
const pastFrontDoor = {
  regex: '(^|/)main(/(?!engine/api$)|$)',
  message: 'The CLI uses the engine through src/main/engine/api.ts (openEngine, engine.call) only.'
}

const openExternalBan = {
  selector: "ImportSpecifier[imported.name='openExternal']",
  message: 'Use openExternalSafe() from src/main/shell.'
}
// The engine's database is private: app code, the CLI and the harness use engine.call (src/main/engine/engine.ts).
const testAccessorBan = {
  selector: "ImportSpecifier[imported.name='databaseForTests']",
  message: 'databaseForTests is for tests and the bench only; go through engine.call(channel, input).'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch*/**',
      '.workspace-dev/**',
      'test/fixtures/**',
      '*.tmp.*'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // External links go through openExternalSafe() (https only), never straight to the shell.
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Use openExternalSafe() from src/main/shell.' }
      ],
      'no-restricted-syntax': ['error', openExternalBan, testAccessorBan]
    }
  },
  // Tests and the bench may look past the front door (engine.ts explains why); nothing else may.
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'scripts/bench/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', openExternalBan] }
  },
  // CommonJS launchers (bin/*.cjs) are require()-style by definition.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules block; the React Compiler diagnostics (refs, set-state-in-effect...) only advise,
      // because the app does not compile with React Compiler and the "latest ref" pattern is deliberate.
      ...Object.fromEntries(Object.keys(reactHooks.configs.recommended.rules).map((r) => [r, 'warn'])),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': layer(electron, node, intoMain, intoPreload)
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': layer(electron, node, intoMain, intoRenderer, intoPreload) }
  },
  { files: ['src/main/**/*.ts'], rules: { 'no-restricted-imports': layer(intoRenderer) } },
  // After src/main/**: for the engine this replaces the rule above, so it repeats intoRenderer.
  { files: ['src/main/engine/**/*.ts'], rules: { 'no-restricted-imports': layer(electron, intoRenderer) } },
  { files: ['src/preload/**/*.ts'], rules: { 'no-restricted-imports': layer(intoRenderer, intoMain) } },
  // Its tests drive the real command (bin/socialbench.cjs) and may set up fixtures however they need.
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': layer(electron, intoRenderer, intoPreload, pastFrontDoor) }
  },
  // The one sanctioned caller of shell.openExternal.
  {
    files: ['src/main/shell/openExternal*.ts', 'src/main/shell/external*.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' }
  }
)
