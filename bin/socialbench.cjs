#!/usr/bin/env node
// The CLI runs the TypeScript engine directly through tsx, so `npx socialbench` needs no build step.
require('tsx/cjs')
require('../src/cli/main.ts')
