/**
 * The undo stack of one open workspace. A destructive handler captures, inside its own transaction, what it needs
 * to restore (rows moved to tables in the `undo` schema, a raw table renamed out of sight, a soft-deleted row), and
 * pushes a record once that transaction has committed. Undo runs the record's restore in one transaction, so an
 * undo is all there or not there, like the action it reverts.
 *
 * The records live in memory: they are only valid with the trash they point at, and the trash is purged when the
 * workspace closes and again when it opens (after a crash), so nothing is ever restored from a previous session.
 */
import { randomUUID } from 'node:crypto'
import { AppFailure } from '../../../shared/result'
import type { UndoEntry, UndoKind } from '../../../shared/undo'
import type { Database, WriteConn } from '../db/duckdb'
import { ident } from '../db/sql'
import { purgeTrash, UNDO_SCHEMA } from './trash'

export interface UndoRecord {
  kind: UndoKind
  label: string
  /**
   * Tables this record needs until it is undone or dropped. Its own tables in the undo schema, and a hidden raw
   * table, which several records may need (two datasets that shared it): a table is dropped with the last record
   * holding it.
   */
  holds?: string[]
  /** What the action touched, for a later record's restore to see that it depends on this one. */
  subject?: string
  /**
   * Checks that the restore still makes sense (else throws a specific AppFailure), then restores. `later` are the
   * records pushed after this one and still held.
   */
  restore(conn: WriteConn, later: readonly UndoRecord[]): Promise<void>
  /** When the record is dropped without being undone: make the action final (e.g. purge a soft-deleted row). */
  discard?(conn: WriteConn): Promise<void>
}

interface Held extends UndoRecord {
  entry: UndoEntry
}

/** Enough for a working day; past it the oldest records are dropped and their trash purged. */
export const UNDO_LIMIT = 100

export class UndoStack {
  private records: Held[] = []
  private seq = 0

  constructor(
    private readonly db: Database,
    private readonly limit = UNDO_LIMIT
  ) {}

  /** A fresh table name in the undo schema for a record about to be captured: `undo.r7_posts`. */
  table(name: string): { sql: string; name: string } {
    const qualified = `r${++this.seq}_${name}`
    return { sql: `${ident(UNDO_SCHEMA)}.${ident(qualified)}`, name: `${UNDO_SCHEMA}.${qualified}` }
  }

  /** Call after the action's transaction committed. */
  async push(record: UndoRecord): Promise<UndoEntry> {
    const entry: UndoEntry = { token: randomUUID(), kind: record.kind, label: record.label }
    this.records.push({ ...record, entry })
    while (this.records.length > this.limit) {
      const dropped = this.records.shift()!
      await this.db.write((conn) => this.drop(conn, dropped, true))
    }
    return entry
  }

  /** Newest first, as Edit > Undo would take them. */
  list(): UndoEntry[] {
    return this.records.map((r) => r.entry).reverse()
  }

  /** Undo one action (by its token), or the latest one. */
  async undo(token?: string): Promise<UndoEntry> {
    const record = token ? this.records.find((r) => r.entry.token === token) : this.records[this.records.length - 1]
    if (!record) {
      throw new AppFailure(
        'NOT_FOUND',
        token
          ? 'That action can no longer be undone: the workspace was closed or reopened since.'
          : 'There is nothing to undo.'
      )
    }
    await this.db.write(async (conn) => {
      await record.restore(conn, this.records.slice(this.records.indexOf(record) + 1))
      await this.drop(conn, record, false)
    })
    this.records = this.records.filter((r) => r !== record)
    return record.entry
  }

  /** Closing the workspace: every action becomes final. */
  async clear(): Promise<void> {
    this.records = []
    await purgeTrash(this.db)
  }

  private async drop(conn: WriteConn, record: Held, discarded: boolean): Promise<void> {
    if (discarded) await record.discard?.(conn)
    const stillHeld = new Set(this.records.filter((r) => r !== record).flatMap((r) => r.holds ?? []))
    for (const t of record.holds ?? []) {
      if (stillHeld.has(t)) continue
      const [schema, name] = t.includes('.') ? t.split('.') : ['main', t]
      await conn.run(`DROP TABLE IF EXISTS ${ident(schema)}.${ident(name)}`)
    }
  }
}
