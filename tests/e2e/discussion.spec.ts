import { fileJustifications } from '../support/justifications'
import { linkIn, recipientsOf, type TestSmtpServer } from '../support/smtp'
import { allowFailedResourceLoad, expect, signIn, test, type AppUnderTest } from './fixtures'

// The discussion on a justification (issue 11): the requester asks procurement by name, the
// signatory asks a question from the sign-off link on a phone without deciding, then signs; both
// comments are in the thread and the timeline, and the person mentioned is emailed. Without
// JavaScript the form answers an empty comment on its field.

const REQUESTER = 'rita.romano@example.org'
const GROUP_MEMBER = 'ruben.rasmussen@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const PROCUREMENT = 'paula.procurement@example.org'
const PHONE = { width: 390, height: 844 }

function emailTo(smtp: TestSmtpServer, email: string, subject: string) {
  return smtp.waitForMessage((m) => recipientsOf(m).includes(email) && m.subject === subject)
}

function commentsOn(app: AppUnderTest, id: string) {
  return app.sql<{ actor: string; body: string; as_signatory: boolean; via: string }>(
    `SELECT p.name AS actor, e.payload->>'body' AS body, (e.payload->>'asSignatory')::boolean AS as_signatory, e.payload->>'via' AS via
     FROM "AuditEvent" e JOIN "Person" p ON p.id = e."actorId" WHERE e.subject = $1 AND e.type = 'COMMENT_POSTED' ORDER BY e.id`,
    [`justification:${id}`],
  )
}

test('the requester asks procurement by name, the signatory asks from the link on a phone without deciding and signs afterwards', async ({ browser, page, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Spare compressor for the discussion test bench', supplierName: 'Diskussion Kältetechnik AG', amount: 2_000_000 }])
  const { id, reference } = filed!

  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${id}`)
  const discussion = page.getByRole('region', { name: 'Discussion' })
  await expect(discussion).toContainText('No comments yet. Ask a question or add context for the signatories.')
  await discussion.getByLabel('Your message').fill('@paula procurement, is the framework contract with Diskussion still open?\nThe quote is attached.')
  await discussion.getByRole('button', { name: 'Post' }).click()
  await expect(page.getByRole('status')).toHaveText('Comment posted. An email tells Paula Procurement and Marta Mendes.')
  const thread = discussion.getByRole('listitem')
  await expect(thread).toHaveCount(1)
  await expect(thread.first()).toContainText(/^Rita Romano, requester, \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CES?T/)
  await expect(thread.first().locator('strong.mention')).toHaveText('@paula procurement')
  await expect(thread.first().locator('.comment-body')).toHaveText('@paula procurement, is the framework contract with Diskussion still open?\nThe quote is attached.')
  // The form is empty again, ready for the next comment.
  await expect(discussion.getByLabel('Your message')).toHaveValue('')

  // The person mentioned is told, with a link to the thread.
  const mention = await emailTo(smtp, PROCUREMENT, `${reference}: Rita Romano mentioned you`)
  expect(mention.text).toContain('You were mentioned in the discussion of this justification.')
  expect(linkIn(mention, `${app.url}/justifications/`)).toBe(`${app.url}/justifications/${id}#discussion`)
  // The signatory hears of it too, by a link to the page, never a second sign-off link.
  const toSignatory = await emailTo(smtp, GROUP_LEADER, `${reference}: Rita Romano commented`)
  expect(toSignatory.text).not.toContain('/sign-off/')

  // The signatory, on a phone, from the signature request.
  const request = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${reference} awaits your signature`))
  const phone = await (await browser.newContext({ viewport: PHONE })).newPage()
  await phone.goto(linkIn(request, `${app.url}/sign-off/`))
  const ask = phone.getByRole('region', { name: 'Ask a question instead' })
  await ask.getByLabel('Your question').fill('Which serial numbers do the failed compressors have?')
  await ask.getByRole('button', { name: 'Send the question' }).click()
  await expect(phone.getByRole('status')).toHaveText('Your question was sent to Rita Romano. This link still works: decide when you have your answer.')
  const { scrollWidth, innerWidth } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect(scrollWidth, 'page width at 390 px').toBeLessThanOrEqual(innerWidth)
  await expect(phone.getByRole('region', { name: 'Timeline' })).toContainText('Question from a signatory: “Which serial numbers do the failed compressors have?”')
  expect(await app.sql(`SELECT count(*)::int AS used FROM "SignOffToken" WHERE "justificationId" = $1 AND "usedAt" IS NOT NULL`, [id])).toEqual([{ used: 0 }])
  await emailTo(smtp, REQUESTER, `${reference}: Marta Mendes asked a question`)
  // The question was a POST answered by a redirect: reloading shows the page again, posts nothing.
  await phone.reload()
  await expect(phone.getByRole('region', { name: 'Ask a question instead' })).toBeVisible()
  expect(await app.sql(`SELECT count(*)::int AS questions FROM "AuditEvent" WHERE "subject" = $1 AND "type" = 'COMMENT_POSTED' AND "payload"->>'asSignatory' = 'true'`, [`justification:${id}`])).toEqual([{ questions: 1 }])

  // The link still decides.
  await phone.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(phone.getByRole('heading', { level: 1 })).toContainText('signed')
  await phone.context().close()

  expect(await commentsOn(app, id)).toEqual([
    { actor: 'Rita Romano', body: '@paula procurement, is the framework contract with Diskussion still open?\nThe quote is attached.', as_signatory: false, via: 'app' },
    { actor: 'Marta Mendes', body: 'Which serial numbers do the failed compressors have?', as_signatory: true, via: 'link' },
  ])
  await page.reload()
  await expect(thread).toHaveCount(2)
  await expect(thread.nth(1)).toContainText(/^Marta Mendes, group leader, .* · a question from the sign-off link, asked without deciding/)
  await expect(thread.nth(1).locator('.comment-body')).toHaveText('Which serial numbers do the failed compressors have?')
  const timeline = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem')
  await expect(timeline.filter({ hasText: /^Comment by Rita Romano/ })).toContainText('“@paula procurement, is the framework contract with Diskussion still open?')
  await expect(timeline.filter({ hasText: /^Comment by Marta Mendes/ })).toContainText('Question from a signatory: “Which serial numbers do the failed compressors have?”')
  await expect(timeline.filter({ hasText: /^Signed by Marta Mendes/ })).toHaveCount(1)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('an empty comment gets a message on its field; a comment is posted and shown with a notice', async ({ page, smtp, app }) => {
    // A refused comment answers 400 with the form and its message, which Chromium logs.
    allowFailedResourceLoad(400, /^\/justifications\/[0-9a-f-]+$/)
    const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Vacuum gauges for the discussion bench', supplierName: 'Diskussion Vakuum GmbH', amount: 1_500_000, submit: false }])
    await signIn(page, smtp, GROUP_MEMBER)
    await page.goto(`/justifications/${filed!.id}`)
    const discussion = page.getByRole('region', { name: 'Discussion' })
    await discussion.getByRole('button', { name: 'Post' }).click()
    const field = page.getByLabel('Your message')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#comment-body-error')).toHaveText('Write your comment before posting it.')
    expect(await commentsOn(app, filed!.id)).toEqual([])

    await field.fill('@Emil Eriksen knows these gauges.')
    await page.getByRole('button', { name: 'Post' }).click()
    await expect(page.locator('#comment-body-error')).toHaveText('Emil Eriksen cannot see this justification; only its requester, their group, its signatories and procurement can be mentioned.')
    // The text comes back to be corrected.
    await expect(page.getByLabel('Your message')).toHaveValue('@Emil Eriksen knows these gauges.')

    await page.getByLabel('Your message').fill('Our spare gauges could do meanwhile, @Rita Romano.')
    await page.getByRole('button', { name: 'Post' }).click()
    await expect(page.getByRole('status')).toHaveText('Comment posted. An email tells Rita Romano.')
    await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('listitem')).toHaveText([/^Ruben Rasmussen, group member, .*Our spare gauges could do meanwhile, @Rita Romano\.$/])
  })
})
