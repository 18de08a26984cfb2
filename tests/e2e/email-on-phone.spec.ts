import { fileJustifications } from '../support/justifications'
import { recipientsOf } from '../support/smtp'
import { expect, test } from './fixtures'

const GROUP_LEADER = 'marta.mendes@example.org'

// Most signatures are given from a phone, from this email: it must fit the screen, never scroll
// sideways (however long the sign-off token), and show the button without scrolling.
test('the signature request, as sent, reads on a phone at 390 and 320 px: no sideways scroll, the button on the first screen', async ({ page, smtp, app }, testInfo) => {
  const [filed] = await fileJustifications(app, [{ requester: 'rita.romano@example.org', title: 'Magnet power converter spares', supplierName: 'Converters SA', amount: 6_000_000 }])
  const email = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${filed!.reference} awaits your signature`))
  expect(email.text).toContain('You are asked to sign as group leader for EN-MME.')
  const signOffUrl = email.text?.split('\n').map((line) => line.trim()).find((line) => line.startsWith(`${app.url}/sign-off/`))
  expect(signOffUrl, 'the sign-off link alone on a line of the text part').toBeTruthy()
  expect(typeof email.html).toBe('string')

  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 })
    await page.setContent(email.html as string)
    // Without it a phone's mail app lays the email out as a desktop page and zooms out.
    await expect(page.locator('meta[name="viewport"]')).toHaveAttribute('content', 'width=device-width, initial-scale=1')
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
    expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(innerWidth)

    const button = page.getByRole('link', { name: 'Decide: sign, reject or ask for changes' })
    await expect(button).toHaveAttribute('href', signOffUrl!)
    const box = (await button.boundingBox())!
    expect(box.height, 'a thumb-sized button').toBeGreaterThanOrEqual(44)
    expect(box.x + box.width).toBeLessThanOrEqual(innerWidth)
    // The full address is there too, wrapped inside the screen.
    const address = page.getByRole('link', { name: signOffUrl!, exact: true })
    await expect(address).toBeVisible()
    const addressBox = (await address.boundingBox())!
    expect(addressBox.x + addressBox.width).toBeLessThanOrEqual(innerWidth)

    if (width === 390) {
      expect(box.y + box.height, 'the button within the first screen').toBeLessThanOrEqual(844)
      await page.screenshot({ path: testInfo.outputPath('signature-request-email-390.png') })
    }
  }
})
