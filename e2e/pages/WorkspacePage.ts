/** Locators of the workspace menu and its dialogs. Locators only. */
import type { Locator, Page } from '@playwright/test'

export class WorkspacePage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  readonly menuButton = (): Locator => this.id('workspace-menu-button')
  readonly name = (): Locator => this.id('workspace-name')
  readonly menu = (): Locator => this.id('workspace-menu')
  readonly newItem = (): Locator => this.id('workspace-new')
  readonly openItem = (): Locator => this.id('workspace-open')
  readonly recent = (): Locator => this.id('workspace-recent')
  readonly recentNamed = (name: string): Locator => this.recent().filter({ hasText: name })
  readonly duplicateItem = (): Locator => this.id('workspace-duplicate')
  readonly exportItem = (): Locator => this.id('workspace-export')
  readonly openArchiveItem = (): Locator => this.id('workspace-open-archive')
  readonly revealItem = (): Locator => this.id('workspace-reveal')
  readonly dialog = (): Locator => this.id('workspace-dialog')
  readonly folder = (): Locator => this.id('workspace-folder')
  readonly archiveInput = (): Locator => this.id('workspace-archive-input')
  readonly submit = (): Locator => this.id('workspace-dialog-submit')
  readonly error = (): Locator => this.id('workspace-dialog-error')
  readonly statusName = (): Locator => this.id('status-workspace-name')
}
