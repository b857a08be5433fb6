/** Locators for the Benchmarks view. Locators only: the specs say what to do with them. */
import type { Locator, Page } from '@playwright/test'

export class BenchmarksPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  readonly nav = (): Locator => this.id('nav-benchmarks')
  readonly view = (): Locator => this.id('benchmarks-view')
  readonly dashboard = (): Locator => this.id('bm-dashboard')
  /** The scrolling column right of the filters: the charts and tables. */
  readonly main = (): Locator => this.id('bm-main')
  readonly status = (): Locator => this.id('bm-status')
  readonly institutions = (): Locator => this.id('bm-institution')
  readonly institution = (name: string): Locator =>
    this.page.locator(`[data-testid="bm-institution"][data-name="${name}"]`)
  readonly platform = (p: string): Locator => this.page.locator(`[data-testid="bm-platform"][data-platform="${p}"]`)
  readonly preset = (): Locator => this.id('bm-preset')
  readonly from = (): Locator => this.id('bm-from')
  readonly to = (): Locator => this.id('bm-to')
  readonly convention = (): Locator => this.id('bm-convention')
  readonly charts = (): Locator => this.id('bm-chart')
  readonly chart = (id: string): Locator => this.page.locator(`[data-testid="bm-chart"][data-chart-id="${id}"]`)
  /** The chart's Plot SVG (the one carrying Plot's aria-description; legends are separate SVGs). */
  readonly chartSvg = (id: string): Locator => this.chart(id).locator('svg[aria-description]')
  readonly footnote = (id: string): Locator => this.page.locator(`[data-testid="bm-footnote"][data-chart-id="${id}"]`)
  readonly notices = (): Locator => this.id('bm-notices')
  readonly methodology = (): Locator => this.id('bm-methodology')
  readonly setupName = (): Locator => this.id('bm-setup-name')
  readonly setupSave = (): Locator => this.id('bm-setup-save')
  readonly setup = (name: string): Locator => this.page.locator(`[data-testid="bm-setup"][data-name="${name}"]`)
  readonly topPosts = (): Locator => this.id('bm-top-posts')
  readonly modeSingle = (): Locator => this.id('bm-mode-single')
  readonly modeDashboard = (): Locator => this.id('bm-mode-dashboard')
  readonly singleChart = (): Locator => this.id('bm-single-chart')
}
