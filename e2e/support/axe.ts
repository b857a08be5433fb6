/**
 * axe-core on the page as it is, in the light and the dark theme. Serious and critical findings fail the test
 * (soft, so one run lists every state's problems); every finding, of any impact, is written to
 * test-results/axe/<state>-<theme>.json for a look.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chartsDrawn } from '../fixtures/screenshots'

const OUT = join('test-results', 'axe')
const FAILING = new Set(['serious', 'critical'])
// Colours must be read settled: a theme switch animates backgrounds for a few frames.
const NO_MOTION = '*, *::before, *::after { transition: none !important; animation: none !important; }'

export interface AxeFinding {
  rule: string
  impact: string
  help: string
  /** CSS paths of the first few offending nodes, with axe's summary of what is wrong with the first. */
  nodes: string[]
  summary: string
  /** Every offending node with axe's summary for it (written to the report file, not compared). */
  all?: { target: string; summary: string }[]
}

type Theme = 'light' | 'dark'

/** Pins the theme the way the toggle does (data-theme on <html>); returns what was there before. */
async function pinTheme(page: Page, theme: Theme | null): Promise<string | null> {
  return page.evaluate((t) => {
    const root = (
      globalThis as unknown as { document: { documentElement: { dataset: Record<string, string | undefined> } } }
    ).document.documentElement
    const before = root.dataset.theme ?? null
    if (t) root.dataset.theme = t
    else delete root.dataset.theme
    return before
  }, theme)
}

/** Every finding of axe's default rule set (WCAG 2.x A/AA and best practices) on the page as it is now. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    all: v.nodes.map((n) => ({
      target: n.target.join(' '),
      summary: n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''
    }))
  }))
}

/** Runs axe on the current state in both themes and fails (softly) on any serious or critical finding. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await mkdir(OUT, { recursive: true })
  const style = await page.addStyleTag({ content: NO_MOTION })
  const original = await pinTheme(page, 'light')
  try {
    for (const theme of ['light', 'dark'] as const) {
      await pinTheme(page, theme)
      await chartsDrawn(page)
      // One frame for the theme's own re-render (charts rebuild their opacity floors from it).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      await chartsDrawn(page)
      const findings = await axeFindings(page)
      await writeFile(join(OUT, `${state}-${theme}.json`), JSON.stringify(findings, null, 2))
      const failing = findings.filter((f) => FAILING.has(f.impact)).map(({ all: _all, ...f }) => f)
      expect.soft(failing, `axe: serious or critical findings in "${state}" (${theme})`).toEqual([])
    }
  } finally {
    await pinTheme(page, original === 'light' || original === 'dark' ? original : null)
    await style.evaluate((el) => (el as unknown as { remove(): void }).remove())
  }
}
