/** Locators for chart export and the deck builder. Locators only: the specs say what to do with them. */
import type { Locator, Page } from '@playwright/test'

export class ExportPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** The Export menu button of a chart. */
  readonly menuButton = (chartId: string): Locator =>
    this.page.locator(`[data-testid="chart-export"][data-chart-id="${chartId}"]`)
  readonly menu = (): Locator => this.id('export-menu')
  readonly option = (format: string): Locator =>
    this.page.locator(`[data-testid="export-option"][data-format="${format}"]`)
  readonly status = (): Locator => this.id('export-status')
  readonly deckOpen = (): Locator => this.id('deck-builder-open')
  readonly deckBuilder = (): Locator => this.id('deck-builder')
  readonly deckAdd = (chartId: string): Locator =>
    this.page.locator(`[data-testid="deck-add"][data-chart-id="${chartId}"]`)
  readonly deckCharts = (): Locator => this.id('deck-chart')
  readonly deckChart = (chartId: string): Locator =>
    this.page.locator(`[data-testid="deck-chart"][data-chart-id="${chartId}"]`)
  readonly deckHandle = (chartId: string): Locator => this.deckChart(chartId).getByTestId('deck-handle')
  readonly deckChartTitle = (chartId: string): Locator => this.deckChart(chartId).getByTestId('deck-chart-title')
  readonly deckAspect = (aspect: string): Locator => this.page.locator(`[data-testid="deck-aspect"][value="${aspect}"]`)
  readonly deckExport = (): Locator => this.id('deck-export')
}
