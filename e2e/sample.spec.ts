import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'

test('a fresh workspace welcomes; the sample opens into the grid', async ({ app, page }) => {
  await expect(app.welcome()).toBeVisible()
  await expect(app.datasetRows()).toHaveCount(0)
  await snap(page, 'welcome')

  await app.openSample().click()
  await expect(app.datasetRows().first()).toBeVisible({ timeout: 30_000 })
  await expect(app.welcome()).toBeHidden()

  await app.datasetRows().first().click()
  await expect(app.dataGrid()).toBeVisible()
  await expect(app.gridHeaders().first()).toBeVisible()
  await expect(app.gridRow(0)).toBeVisible()
  await snap(page, 'datasets-grid')
})

test('the theme toggle switches to dark and back', async ({ app, page }) => {
  await app.openSample().click()
  await app.datasetRows().first().click()
  await expect(app.gridRow(0)).toBeVisible({ timeout: 30_000 })

  const background = (): Promise<string> =>
    app.dataGrid().evaluate((el) => {
      const doc = el.ownerDocument
      return doc.defaultView?.getComputedStyle(doc.body).backgroundColor ?? ''
    })
  const light = await background()
  await app.themeToggle().click()
  await expect.poll(background).not.toBe(light)
  await snap(page, 'dark-theme')
  await app.themeToggle().click()
  await expect.poll(background).toBe(light)
})
