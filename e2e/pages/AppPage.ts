/** Locators for the app's test ids. Locators only: the specs say what to do with them. */
import type { Locator, Page } from '@playwright/test'

export class AppPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  // Shell
  readonly sidebar = (): Locator => this.id('sidebar')
  readonly navDatasets = (): Locator => this.id('nav-datasets')
  readonly statusBar = (): Locator => this.id('status-bar')
  readonly errorBanner = (): Locator => this.id('error-banner')
  readonly aboutDialog = (): Locator => this.id('about-dialog')
  readonly themeToggle = (): Locator => this.id('theme-toggle')

  // Empty workspace
  readonly welcome = (): Locator => this.id('welcome')
  readonly openSample = (): Locator => this.id('open-sample')

  // Import
  readonly importButton = (): Locator => this.id('import-button')
  readonly importFileInput = (): Locator => this.id('import-file-input')
  readonly importDialog = (): Locator => this.id('import-dialog')
  readonly importPreview = (): Locator => this.id('import-preview')
  readonly importDelimiter = (): Locator => this.id('import-delimiter')
  readonly importHeader = (): Locator => this.id('import-header')
  readonly importSkip = (): Locator => this.id('import-skip')
  readonly importCommit = (): Locator => this.id('import-commit')
  readonly importCancel = (): Locator => this.id('import-cancel')
  readonly importProgress = (): Locator => this.id('import-progress')
  readonly importError = (): Locator => this.id('import-error')
  readonly alreadyImported = (): Locator => this.id('already-imported')

  // Import report
  readonly importReport = (): Locator => this.id('import-report')
  readonly importReportFormat = (): Locator => this.id('import-report-format')
  readonly importReportCounts = (): Locator => this.id('import-report-counts')
  readonly importReportShowRejects = (): Locator => this.id('import-report-show-rejects')
  readonly importReportRejects = (): Locator => this.id('import-report-rejects')
  readonly importRecognized = (): Locator => this.id('import-recognized')

  // Institutions
  readonly navInstitutions = (): Locator => this.id('nav-institutions')
  readonly institutionsView = (): Locator => this.id('institutions-view')
  readonly institutionNameInput = (): Locator => this.id('institution-name-input')
  readonly institutionCreate = (): Locator => this.id('institution-create')
  readonly institutionRow = (name: string): Locator =>
    this.page.locator(`[data-testid="institution-row"][data-name="${name}"]`)
  readonly accountRow = (accountId: string): Locator =>
    this.page.locator(`[data-testid="account-row"][data-account-id="${accountId}"]`)
  /** Where a drag of the account starts: the row's middle may be its select or Edit… button, which take no drag. */
  readonly accountName = (accountId: string): Locator => this.accountRow(accountId).getByTestId('account-name')

  // Datasets
  readonly datasetList = (): Locator => this.id('dataset-list')
  readonly datasetRows = (): Locator => this.id('dataset-row')
  readonly datasetRow = (name: string): Locator => this.page.locator(`[data-testid="dataset-row"][data-name="${name}"]`)
  /** Rename and delete buttons sit in every row: scope them, e.g. `row.getByTestId('dataset-rename')`. */
  readonly datasetRenameInput = (): Locator => this.id('dataset-rename-input')
  readonly datasetSearch = (): Locator => this.id('dataset-search')
  readonly datasetSort = (key: 'name' | 'rows' | 'importedAt' | 'format'): Locator => this.id(`dataset-sort-${key}`)
  readonly datasetListEmpty = (): Locator => this.id('dataset-list-empty')
  readonly confirmDialog = (): Locator => this.id('confirm-dialog')
  readonly confirmOk = (): Locator => this.id('confirm-ok')
  readonly confirmCancel = (): Locator => this.id('confirm-cancel')

  // Grid
  readonly dataGrid = (): Locator => this.id('data-grid')
  readonly gridScroller = (): Locator => this.id('grid-scroller')
  readonly gridRows = (): Locator => this.id('grid-row')
  readonly gridRow = (index: number): Locator =>
    this.page.locator(`[data-testid="grid-row"][data-row-index="${index}"]`)
  readonly gridHeaders = (): Locator => this.id('grid-header')
  readonly gridHeader = (column: string): Locator =>
    this.page.locator(`[data-testid="grid-header"][data-column="${column}"]`)
  readonly gridRowCount = (): Locator => this.id('grid-row-count')
  /** The visible cells of a row, in column order (the row number is a rowheader, not among them). */
  readonly gridCell = (row: number, col: number): Locator => this.gridRow(row).getByRole('gridcell').nth(col)
  readonly gridColumnMenu = (column: string): Locator => this.gridHeader(column).getByTestId('grid-column-menu')
  readonly gridSortButton = (column: string): Locator => this.gridHeader(column).locator('.grid-sort')
  readonly gridResize = (column: string): Locator => this.gridHeader(column).getByTestId('grid-resize')
  readonly columnMenu = (): Locator => this.id('column-menu')
  readonly filterKind = (): Locator => this.id('filter-kind')
  readonly filterText = (): Locator => this.id('filter-text')
  readonly filterMin = (): Locator => this.id('filter-min')
  readonly filterMax = (): Locator => this.id('filter-max')
  readonly filterFrom = (): Locator => this.id('filter-from')
  readonly filterTo = (): Locator => this.id('filter-to')
  readonly filterApply = (): Locator => this.id('filter-apply')
  readonly filterRemove = (): Locator => this.id('filter-remove')
  readonly menuSortAsc = (): Locator => this.id('menu-sort-asc')
  readonly menuSortDesc = (): Locator => this.id('menu-sort-desc')
  readonly menuCopyColumn = (): Locator => this.id('menu-copy-column')
  readonly menuHideColumn = (): Locator => this.id('menu-hide-column')
  readonly gridSearch = (): Locator => this.id('grid-search')
  readonly gridChips = (): Locator => this.id('grid-chip')
  readonly gridStatus = (): Locator => this.id('grid-status')
  readonly gridShowHidden = (): Locator => this.id('grid-show-hidden')
  readonly gridOpenQuery = (): Locator => this.id('grid-open-query')
}
