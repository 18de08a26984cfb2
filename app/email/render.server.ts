import { render } from '@react-email/render'
import type { ReactElement } from 'react'

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * The plain-text part: a button gives its label alone (its address follows on a line of its own,
 * from emails/action-link.tsx), headings keep their case, and nothing is wrapped, so a long link
 * stays whole and can be copied.
 */
const plainTextOptions = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a[data-email-button=true]', format: 'anchor', options: { ignoreHref: true } },
    { selector: 'h1', format: 'heading', options: { uppercase: false } },
    { selector: 'h2', format: 'heading', options: { uppercase: false } },
  ],
}

/** Every email goes out as HTML and as plain text, both rendered from one React Email component. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: plainTextOptions })])
  return { subject, html, text }
}
