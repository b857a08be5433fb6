/**
 * No-network guard for Node processes, preloaded with `--require` (NODE_OPTIONS carries it into every child Node
 * process, such as the engine host). When SB_NET_GUARD_LOG names a file it refuses every outbound connection that
 * is not loopback: net/tls sockets (which http, https and undici/fetch all end in), dns lookups of other names,
 * http(s).request/get and fetch. Each refusal is appended to the log as a JSON line, with an "armed" line per
 * process, and the test fails if any "blocked" line appears. Plain CommonJS so it loads before tsx.
 */
'use strict'
const fs = require('node:fs')
const net = require('node:net')
const dns = require('node:dns')
const http = require('node:http')
const https = require('node:https')

const LOG = process.env.SB_NET_GUARD_LOG
const originals = []

function record(kind, dest) {
  const line = { kind, pid: process.pid, argv: process.argv.slice(1, 3).join(' '), dest: String(dest) }
  if (kind === 'blocked') line.stack = (new Error().stack || '').split('\n').slice(2, 8).join('\n')
  try {
    fs.appendFileSync(LOG, JSON.stringify(line) + '\n')
  } catch {
    // The log is the only way to report; a failed write must not change what the guarded process does.
  }
}

function isLoopbackHost(host) {
  if (host === undefined || host === null || host === '') return true // Node's default is localhost
  const h = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\./.test(h) ||
    h === '::1' ||
    /^::ffff:127\./.test(h) ||
    h === '0.0.0.0'
  )
}

function blockedError(dest) {
  const err = new Error(`no-network guard: outbound connection to ${dest} refused`)
  err.code = 'ECONNREFUSED'
  return err
}

function patch(obj, name, make) {
  const original = obj[name]
  if (typeof original !== 'function') return
  obj[name] = make(original)
  originals.push(() => {
    obj[name] = original
  })
}

/** Where a socket connect is going, from any of net's argument shapes; null for a local (IPC / unix) socket. */
function socketTarget(args) {
  let a = args[0]
  if (Array.isArray(a)) a = a[0] // net's internal normalized form
  if (a && typeof a === 'object') {
    if (a.path) return null
    return { host: a.host, port: a.port }
  }
  if (typeof a === 'string' && !/^\d+$/.test(a)) return null // a pipe path
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: a }
}

function urlHost(input) {
  try {
    if (typeof input === 'string' || input instanceof URL) return new URL(String(input)).hostname
    if (input && typeof input === 'object') {
      if (typeof input.url === 'string') return new URL(input.url).hostname // a Request
      return input.hostname || input.host || 'localhost'
    }
  } catch {
    return String(input)
  }
  return 'localhost'
}

function arm() {
  record('armed', '')
  patch(
    net.Socket.prototype,
    'connect',
    (connect) =>
      function guardedConnect(...args) {
        const t = socketTarget(args)
        if (t && !isLoopbackHost(t.host)) {
          const dest = `${t.host}:${t.port}`
          record('blocked', `socket ${dest}`)
          process.nextTick(() => this.destroy(blockedError(dest)))
          return this
        }
        return connect.apply(this, args)
      }
  )
  patch(
    dns,
    'lookup',
    (lookup) =>
      function guardedLookup(host, ...rest) {
        if (!isLoopbackHost(host)) {
          record('blocked', `dns ${host}`)
          const cb = rest.find((r) => typeof r === 'function')
          if (cb) process.nextTick(() => cb(blockedError(host)))
          return {}
        }
        return lookup.call(this, host, ...rest)
      }
  )
  if (dns.promises) {
    patch(
      dns.promises,
      'lookup',
      (lookup) =>
        function guardedLookup(host, ...rest) {
          if (!isLoopbackHost(host)) {
            record('blocked', `dns ${host}`)
            return Promise.reject(blockedError(host))
          }
          return lookup.call(this, host, ...rest)
        }
    )
  }
  for (const mod of [http, https]) {
    for (const name of ['request', 'get']) {
      patch(
        mod,
        name,
        (original) =>
          function guardedRequest(input, ...rest) {
            const host = urlHost(input)
            if (!isLoopbackHost(host)) {
              record('blocked', `${mod === https ? 'https' : 'http'}.${name} ${host}`)
              throw blockedError(host)
            }
            return original.call(this, input, ...rest)
          }
      )
    }
  }
  for (const name of ['fetch', 'WebSocket', 'EventSource']) {
    if (typeof globalThis[name] !== 'function') continue
    const original = globalThis[name]
    const guarded = function (input, ...rest) {
      const host = urlHost(input)
      if (!isLoopbackHost(host)) {
        record('blocked', `${name} ${host}`)
        if (name === 'fetch') return Promise.reject(blockedError(host))
        throw blockedError(host)
      }
      return new.target ? new original(input, ...rest) : original.call(this, input, ...rest)
    }
    globalThis[name] = guarded
    originals.push(() => {
      globalThis[name] = original
    })
  }
}

if (LOG && !globalThis.__sbNetGuard) {
  globalThis.__sbNetGuard = true
  arm()
}

module.exports = {
  isLoopbackHost,
  /** Undo the patches in this process (the Playwright worker arms itself for one spec, then disarms). */
  disarm() {
    while (originals.length) originals.pop()()
    globalThis.__sbNetGuard = false
  }
}
