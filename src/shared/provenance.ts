/**
 * Reproducible outputs: the setup every exported file carries (institutions, range, platforms, convention, the app
 * version, the SHA-256 of every source file behind the numbers, and a fingerprint of those numbers), so
 * `socialbench reproduce FILE` can re-run the benchmark and say whether every number is the same.
 * Shape and the pure encoding both sides need; embedding and reading per file format live in the engine.
 */
import { z } from 'zod'

/** The key the setup is stored under: PNG tEXt keyword, SVG metadata id, document property, Parquet key. */
export const PROVENANCE_KEY = 'socialbench-provenance'
export const PROVENANCE_FORMAT = 1
/** What a CSV's setup file adds to the CSV's name (`engagement.csv` → `engagement.csv.provenance.json`). */
export const PROVENANCE_SIDECAR = '.provenance.json'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const provenanceSchema = z
  .object({
    format: z.literal(PROVENANCE_FORMAT),
    app: z.object({ name: z.literal('Socialbench'), version: z.string().max(50) }).strict(),
    exportedAt: z.string().max(40),
    /** What the file shows: a chart image, a chart's data, a deck, an Insight table. */
    artefact: z
      .object({
        kind: z.enum(['chart', 'chartData', 'deck', 'insightData']),
        id: z.string().max(100).nullable(),
        format: z.string().max(10)
      })
      .strict(),
    setup: z
      .object({
        institutions: z.array(z.object({ id: z.number().int(), name: z.string().max(400) }).strict()).max(50),
        from: z.string().max(10),
        to: z.string().max(10),
        platforms: z.array(z.string().max(20)).max(20),
        convention: z.string().max(40)
      })
      .strict(),
    /** The benchmark request to re-run, its preset resolved to the range it gave (a "last 12 months" must not move). */
    request: z.record(z.string(), z.unknown()),
    /** Every imported file whose rows are behind the numbers. */
    sources: z
      .array(z.object({ importId: z.number().int(), fileName: z.string().max(1000), sha256 }).strict())
      .max(10_000),
    /**
     * The numbers: every summary figure by name ("Alpha Hospital / posts"), and per chart its data table's row count
     * and SHA-256 (canonical JSON of the rows), so a reproduction names the figures and charts that differ.
     */
    numbers: z
      .object({
        summary: z.record(z.string(), z.number().nullable()),
        charts: z.record(z.string(), z.object({ rows: z.number().int(), sha256 }).strict()),
        /** An Insight table's own rows (the file's content), digested like a chart's; absent in other files. */
        tables: z.record(z.string(), z.object({ rows: z.number().int(), sha256 }).strict()).optional()
      })
      .strict()
  })
  .strict()

export type Provenance = z.infer<typeof provenanceSchema>

/**
 * The setup as JSON in plain ASCII: every character past U+007E is written \uXXXX (JSON.stringify already escapes
 * control characters and lone surrogates), so it fits a PNG tEXt chunk (Latin-1, no NUL), an XML text node (after
 * escaping & < >) and any document property, whatever the institutions are called.
 */
export function encodeProvenance(p: Provenance): string {
  return JSON.stringify(p).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The setup read back from its JSON, checked: a damaged or foreign value says so. */
export function decodeProvenance(text: string): Provenance {
  const parsed = provenanceSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'not a Socialbench setup')
  return parsed.data
}

export type SourceStatus = 'same' | 'changed' | 'missing' | 'new'

export interface SourceCheck {
  fileName: string
  /** The recorded SHA-256 (for 'new': the one found now). */
  sha256: string
  status: SourceStatus
  /** 'changed': the SHA-256 of the file of that name now behind the numbers. */
  nowSha256?: string
}

export interface NumberDifference {
  /** "Alpha Hospital / engagement_rate.followers_at_post", or a chart id for a chart's table. */
  name: string
  recorded: number | string | null
  now: number | string | null
}

export interface Reproduction {
  identical: boolean
  artefact: Provenance['artefact']
  setup: Provenance['setup']
  recordedVersion: string
  version: string
  /** Figures and chart tables compared, and those that differ. */
  checked: number
  differences: NumberDifference[]
  sources: SourceCheck[]
}

/** A reproduction as the lines a person reads (the CLI prints them). */
export function reproductionLines(r: Reproduction): string[] {
  const lines = [
    r.identical
      ? `Identical: all ${r.checked} numbers and chart tables are the same as when the file was exported.`
      : `Differs: ${r.differences.length} of ${r.checked} numbers and chart tables are not the same.`,
    `Setup: ${r.setup.institutions.map((i) => i.name).join(', ')}; ${r.setup.from} to ${r.setup.to}; ${r.setup.platforms.join(', ')}; ${r.setup.convention}.`,
    `Exported by Socialbench ${r.recordedVersion}; re-run by ${r.version}.`
  ]
  for (const d of r.differences.slice(0, 50))
    lines.push(`  ${d.name}: ${String(d.recorded)} then, ${String(d.now)} now`)
  if (r.differences.length > 50) lines.push(`  … and ${r.differences.length - 50} more`)
  for (const s of r.sources.filter((x) => x.status !== 'same')) {
    const what =
      s.status === 'missing'
        ? 'missing from the workspace'
        : s.status === 'changed'
          ? `changed (SHA-256 ${s.sha256.slice(0, 12)}… then, ${s.nowSha256?.slice(0, 12)}… now)`
          : 'new: behind the numbers now, not then'
    lines.push(`Source ${s.fileName}: ${what}`)
  }
  const same = r.sources.filter((s) => s.status === 'same').length
  lines.push(`${same} of ${r.sources.filter((s) => s.status !== 'new').length} source files are unchanged.`)
  return lines
}
