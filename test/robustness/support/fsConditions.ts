/**
 * Read-only folders and full disks, made for real. Tests run as root in CI, where chmod does not stop writes, so
 * each helper tries the methods that work for the current user, proves the condition holds (a write must fail),
 * and otherwise answers with the reason it could not, for the test to print when it skips.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Condition {
  method: string
  /** Set when only a process running as this user sees the condition (root: chmod plus an unprivileged host). */
  asUser?: { uid: number; gid: number }
  undo(): void
}

export type Attempt = { ok: true; condition: Condition } | { ok: false; reason: string }

const sh = (cmd: string, args: string[]): void => {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
}
const why = (err: unknown): string =>
  ((err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message).split('\n')[0]
const isRoot = (): boolean => process.getuid?.() === 0

/** True when this process cannot create a file in `dir`. */
function writeFails(dir: string): boolean {
  const probe = join(dir, `.probe-${process.pid}`)
  try {
    writeFileSync(probe, 'x')
    rmSync(probe, { force: true })
    return false
  } catch {
    return true
  }
}

function chmodTree(path: string, writable: boolean): void {
  const st = statSync(path)
  if (st.isDirectory()) for (const n of readdirSync(path)) chmodTree(join(path, n), writable)
  chmodSync(path, writable ? (st.isDirectory() ? 0o755 : 0o644) : st.isDirectory() ? 0o555 : 0o444)
}

/** SB_RO_METHODS=bind,chattr,chmod limits the methods tried (to exercise the fallbacks on a machine where all work). */
const allowed = (m: string): boolean => !process.env.SB_RO_METHODS || process.env.SB_RO_METHODS.split(',').includes(m)

export function makeReadOnly(dir: string): Attempt {
  const reasons: string[] = []
  // 1. A read-only bind mount of the folder onto itself: the file system itself says EROFS, even to root.
  if (allowed('bind'))
    try {
      sh('mount', ['--bind', dir, dir])
      try {
        sh('mount', ['-o', 'remount,bind,ro', dir])
        if (writeFails(dir))
          return { ok: true, condition: { method: 'read-only bind mount', undo: () => sh('umount', [dir]) } }
        reasons.push('bind mount: writes still succeed')
      } catch (err) {
        reasons.push(`remount ro: ${why(err)}`)
      }
      sh('umount', [dir])
    } catch (err) {
      reasons.push(`mount --bind: ${why(err)}`)
    }
  // 2. The immutable attribute on the folder and everything in it (root without mount rights, if CAP_LINUX_IMMUTABLE).
  if (allowed('chattr'))
    try {
      sh('chattr', ['-R', '+i', dir])
      if (writeFails(dir))
        return { ok: true, condition: { method: 'chattr +i', undo: () => sh('chattr', ['-R', '-i', dir]) } }
      sh('chattr', ['-R', '-i', dir])
      reasons.push('chattr +i: writes still succeed')
    } catch (err) {
      reasons.push(`chattr: ${why(err)}`)
    }
  // 3. Plain permissions: enough for an ordinary user; as root, for an engine host started as nobody.
  if (!allowed('chmod')) return { ok: false, reason: reasons.join('; ') || 'no method allowed by SB_RO_METHODS' }
  chmodTree(dir, false)
  const undo = () => chmodTree(dir, true)
  if (!isRoot() && writeFails(dir)) return { ok: true, condition: { method: 'chmod a-w', undo } }
  if (isRoot())
    return {
      ok: true,
      condition: { method: 'chmod a-w, engine host as nobody', asUser: { uid: 65534, gid: 65534 }, undo }
    }
  undo()
  reasons.push('chmod: writes still succeed')
  return { ok: false, reason: reasons.join('; ') }
}

/** A tmpfs of `sizeMb` on `dir`: a disk that fills up quickly. Needs mount rights (root outside a restricted container). */
export function smallDisk(dir: string, sizeMb: number): Attempt {
  try {
    sh('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir])
    return { ok: true, condition: { method: `tmpfs of ${sizeMb} MB`, undo: () => sh('umount', ['-l', dir]) } }
  } catch (err) {
    return { ok: false, reason: `mount -t tmpfs: ${why(err)}` }
  }
}
