/** Locators of the Queries view. Locators only: the specs say what to do with them. */
import type { Locator, Page } from '@playwright/test'

export class QueriesPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  readonly nav = (): Locator => this.id('nav-queries')
  readonly view = (): Locator => this.id('queries-view')
  readonly editor = (): Locator => this.page.locator('[data-testid="sql-editor"] .cm-content')
  readonly name = (): Locator => this.id('query-name')
  readonly run = (): Locator => this.id('query-run')
  readonly save = (): Locator => this.id('query-save')
  readonly newQuery = (): Locator => this.id('query-new')
  readonly search = (): Locator => this.id('query-search')
  readonly items = (): Locator => this.id('query-item')
  readonly item = (name: string): Locator => this.page.locator(`[data-testid="query-item"][data-name="${name}"]`)
  readonly param = (name: string): Locator => this.page.locator(`[data-testid="query-param"][data-name="${name}"]`)
  readonly status = (): Locator => this.id('query-status')
  readonly error = (): Locator => this.id('query-error')
  readonly grid = (): Locator => this.id('result-grid')
  readonly rows = (): Locator => this.id('result-row')
  readonly tabChart = (): Locator => this.id('tab-chart')
  readonly tabTable = (): Locator => this.id('tab-table')
  readonly chartMark = (): Locator => this.id('chart-mark')
  readonly chartX = (): Locator => this.id('chart-x')
  readonly chartY = (): Locator => this.id('chart-y')
  readonly chartColor = (): Locator => this.id('chart-color')
  readonly chartFigure = (): Locator => this.id('chart-figure')
}
