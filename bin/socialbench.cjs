#!/usr/bin/env node
// The compiled CLI (npm run build:cli, also run by `npm install` through the prepare script).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '../out/cli/main.cjs')
if (!existsSync(built)) {
  console.error(
    'socialbench: the CLI is not built yet. Run `npm run build:cli` (or `npm install`) in the Socialbench folder.'
  )
  process.exit(1)
}
require(built)
