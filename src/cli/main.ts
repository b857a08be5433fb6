/**
 * `socialbench`: the command-line face of the engine. Each command is a thin layer over engine functions;
 * nothing here imports electron.
 */
import { Command } from 'commander'
import { runCli } from './commands'

const program = new Command()
runCli(program, process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    console.error(`socialbench: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  }
)
