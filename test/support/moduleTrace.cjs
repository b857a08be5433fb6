// Loaded with `node --require` into a CLI process by src/cli/lazyModules.test.ts: records every npm package the
// process loads (a bare require, reduced to its package name) and writes the sorted list, as JSON, to the file
// named by SB_MODULE_TRACE when the process exits. Built-ins and the CLI's own chunks (relative paths) are left out.
const Module = require('node:module')
const { writeFileSync } = require('node:fs')

const packages = new Set()
const load = Module._load
Module._load = function (request, ...rest) {
  if (!/^(\.|\/|node:)/.test(request) && !Module.isBuiltin(request)) {
    const parts = request.split('/')
    packages.add(request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
  }
  return load.call(this, request, ...rest)
}
process.on('exit', () => writeFileSync(process.env.SB_MODULE_TRACE, JSON.stringify([...packages].sort())))
