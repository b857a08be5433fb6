/**
 * After the built-in sample is loaded: its eight fictional institutions (names, kinds, colours from the manifest)
 * and their accounts assigned by platform + handle, so the sample opens ready to benchmark.
 */
import type { Database } from '../db/duckdb'
import type { SampleManifest } from '../loadSample'

export async function setUpSampleInstitutions(db: Database, manifest: SampleManifest): Promise<void> {
  await db.write(async (conn) => {
    for (const inst of manifest.institutions ?? []) {
      await conn.run(
        `INSERT INTO institutions (name, color, kind) SELECT $1, $2, $3
         WHERE NOT EXISTS (SELECT 1 FROM institutions WHERE lower(name) = lower($1))`,
        [inst.name, inst.colour ?? '#999999', inst.kind ?? null]
      )
      for (const [platform, handle] of Object.entries(inst.handles ?? {})) {
        // Accounts the user already assigned elsewhere are left alone on a second load.
        await conn.run(
          `UPDATE accounts SET institution_id = (SELECT institution_id FROM institutions WHERE lower(name) = lower($1))
           WHERE institution_id IS NULL AND platform = $2
             AND (lower(account_id) = lower($2 || ':' || $3) OR lower(handle) = lower($3) OR lower(handle) = lower('@' || $3))`,
          [inst.name, platform, handle]
        )
      }
    }
  })
}
