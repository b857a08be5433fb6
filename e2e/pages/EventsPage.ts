/** Locators for the Events view. Locators only: the specs say what to do with them. */
import type { Locator, Page } from '@playwright/test'

export class EventsPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  readonly nav = (): Locator => this.id('nav-events')
  readonly view = (): Locator => this.id('events-view')
  readonly start = (): Locator => this.id('event-start')
  readonly end = (): Locator => this.id('event-end')
  readonly title = (): Locator => this.id('event-title')
  readonly kind = (): Locator => this.id('event-kind')
  readonly institution = (): Locator => this.id('event-institution')
  readonly submit = (): Locator => this.id('event-submit')
  readonly rows = (): Locator => this.id('event-row')
  readonly row = (title: string): Locator => this.rows().filter({ has: this.page.locator('th', { hasText: title }) })
  readonly observances = (): Locator => this.id('events-observances')
  readonly observancesOff = (): Locator => this.id('events-observances-off')
  readonly fileInput = (): Locator => this.id('events-file-input')
  readonly exportButton = (): Locator => this.id('events-export')
  readonly search = (): Locator => this.id('events-search')
  readonly year = (): Locator => this.id('events-year')
}
