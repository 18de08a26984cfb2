import { expect, test } from 'vitest'
import { renderEmail } from '~/email/render.server'
import CommentPostedEmail from './comment-posted'

// Beside emails.test.tsx's checks of every email: what a comment's email says and links to.

test('a comment’s email quotes it line by line and links to the discussion, in HTML and plain text alike', async () => {
  const { html, text } = await renderEmail('s', <CommentPostedEmail />)
  const url = 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000#discussion'
  expect(html).toContain(`<a href="${url}" data-email-button="true"`)
  const lines = text.split('\n').map((line) => line.trim())
  expect(lines.indexOf(url)).toBeGreaterThan(lines.indexOf('Open the discussion'))
  expect(lines).toContain('Is the quote from Cryo Instruments still valid in January?')
  expect(lines).toContain('The one attached expires on 31 December.')
  expect(text).toContain('Marta Mendes wrote on 26 Nov 2026, 10:15 CET, from their sign-off link, without deciding:')
  expect(text).not.toMatch(/<\/?[a-z][^>]*>/i)
})

test('a person mentioned is told so', async () => {
  const { text } = await renderEmail('s', <CommentPostedEmail mentioned asSignatory={false} recipientName="Paula Procurement" />)
  expect(text).toContain('Marta Mendes mentioned you on SSJ-')
  expect(text).toContain('Hello Paula Procurement,')
  expect(text).toContain('You were mentioned in the discussion of this justification.')
})

test('a comment reaches a French reader in French, the comment itself as written', async () => {
  const { html, text } = await renderEmail('s', <CommentPostedEmail language="fr" />)
  expect(html).toMatch(/<html [^>]*lang="fr"/)
  expect(text).toContain('Marta Mendes a posé une question sur SSJ-2026-00042')
  expect(text).toContain('Bonjour Rita Romano,')
  expect(text).toContain('depuis son lien de signature, sans décider :')
  expect(text).toContain('Is the quote from Cryo Instruments still valid in January?')
  expect(text).toContain('Ouvrir la discussion')
})
