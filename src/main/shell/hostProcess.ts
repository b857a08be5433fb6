/**
 * The engine host as an Electron utilityProcess: a Node process without a window, so a DuckDB crash or a
 * long import never freezes or takes down the UI. Built by electron-vite as out/main/engineHost.js.
 */
import { utilityProcess } from 'electron'
import type { HostMessage, HostRequest } from '../engine/protocol'
import type { SpawnHost } from './engineClient'

export function utilityHost(hostPath: string, args: string[]): SpawnHost {
  return ({ onMessage, onExit }) => {
    const child = utilityProcess.fork(hostPath, args, { serviceName: 'Socialbench engine' })
    child.on('message', (msg: HostMessage) => onMessage(msg))
    child.on('exit', (code) => onExit(code))
    return {
      post: (msg: HostRequest) => child.postMessage(msg),
      kill: () => void child.kill()
    }
  }
}
