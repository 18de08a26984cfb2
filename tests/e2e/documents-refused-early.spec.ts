import { fileJustifications } from '../support/justifications'
import { minimalPdf } from '../support/sample-files'
import { expect, REQUESTER, signIn, test } from './fixtures'

// Issue 11, review finding: only the requester of an editable justification may change its
// documents, and whoever else posts an upload (a colleague who may see it, procurement) is refused
// before the body is read, so their file never reaches the server's disk.

const PROCUREMENT = 'paula.procurement@example.org'

test('an upload from somebody who may see the justification but is not its requester is refused unread: 403, nothing stored', async ({ page, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Refused early: Vacuum Gauges AG', supplierName: 'Vacuum Gauges AG', amount: 2_400_000, submit: false }])
  const { id, rowVersion } = filed!
  await signIn(page, smtp, PROCUREMENT)
  await page.goto(`/justifications/${id}/documents`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supporting documents')
  await expect(page.getByRole('region', { name: 'Add documents' })).toHaveCount(0)

  const response = await page.request.post(`/justifications/${id}/documents`, {
    headers: { Origin: app.url, 'Sec-Fetch-Site': 'same-origin' },
    multipart: {
      intent: 'add',
      kind: 'QUOTE',
      rowVersion: String(rowVersion),
      files: { name: 'quote.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await minimalPdf('Not yours to add')) },
    },
  })
  expect(response.status()).toBe(403)
  expect(await response.text()).toContain('Only the requester of a justification may add or remove its documents.')
  expect(await app.sql(`SELECT count(*)::int AS n FROM "Attachment" WHERE "justificationId" = $1`, [id])).toEqual([{ n: 0 }])

  // Unread indeed: a body that reading would refuse as malformed (400) gets the same 403.
  const unreadable = await page.request.post(`/justifications/${id}/documents`, {
    headers: { Origin: app.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'multipart/form-data; boundary=never-used' },
    data: 'not a multipart body at all',
  })
  expect(unreadable.status()).toBe(403)
})
