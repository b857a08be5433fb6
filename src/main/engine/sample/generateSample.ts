/**
 * Writes the built-in SYNTHETIC sample workspace: export files in real formats for eight fictional
 * medical institutions over 2023-2025, plus manifest.json and README.md. Pure Node (no electron), and
 * deterministic: the same bytes on every run, so the committed copy in resources/sample can be checked.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crowdtangleFiles } from './formats/crowdtangle'
import { metaFollowsFiles } from './formats/metaDaily'
import { xTweetActivityFiles } from './formats/xTweetActivity'
import { youtubeTableFile } from './formats/youtubeTable'
import { youtubeTotalsFile } from './formats/youtubeTotals'
import { INSTITUTIONS, type Institution, type Platform } from './institutions'
import { buildManifest, buildReadme } from './manifest'
import type { SampleFile } from './sampleFile'
import { buildAccount, type Account } from './world'

/** Institutions whose Facebook follows are exported from Meta, with the days Meta left out. */
const META: Record<string, readonly [string, string] | undefined> = {
  quillmere: undefined,
  aurelia: undefined,
  laketessaly: ['2024-02-05', '2024-02-11'],
  fernhollow: undefined
}

function accountsOn(platform: Platform): Account[] {
  return INSTITUTIONS.filter((i: Institution) => i.accounts[platform]).map((i) => buildAccount(i, platform))
}

/** All sample files in import order (daily audience first, then posts, then videos and the channels' daily views). */
export function buildSampleFiles(): SampleFile[] {
  const facebook = accountsOn('facebook')
  return [
    ...facebook.filter((a) => a.inst.id in META).flatMap((a) => metaFollowsFiles(a, { missing: META[a.inst.id] })),
    ...crowdtangleFiles(facebook),
    ...accountsOn('x').flatMap(xTweetActivityFiles),
    ...accountsOn('youtube').map(youtubeTableFile),
    ...accountsOn('youtube').map(youtubeTotalsFile)
  ]
}

/** Writes the sample into `outDir`; returns the written paths (data files, then manifest.json, README.md). */
export async function generateSampleFiles(outDir: string): Promise<string[]> {
  const files = buildSampleFiles()
  await mkdir(outDir, { recursive: true })
  const written: string[] = []
  const put = async (name: string, bytes: Buffer | string): Promise<void> => {
    const path = join(outDir, name)
    await writeFile(path, bytes)
    written.push(path)
  }
  for (const f of files) await put(f.fileName, f.bytes)
  await put('manifest.json', JSON.stringify(buildManifest(files), null, 2) + '\n')
  await put('README.md', buildReadme(files))
  return written
}
