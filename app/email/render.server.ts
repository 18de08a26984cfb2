import { plainTextSelectors, render } from '@react-email/render'
import { compile } from 'html-to-text'
import type { ReactElement } from 'react'
import { templateElement, type TemplateEmail } from './templates.server'

export type RenderedEmail = { subject: string; html: string; text: string }
export type RenderedBody = { html: string; text: string }

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

/**
 * HTML to text exactly as `toPlainText(html, plainTextOptions)` of @react-email/render converts it
 * (its selectors, then ours), compiled once: toPlainText compiles the options on every call, which
 * cost more than the conversion (0.6-0.8 ms against 0.1-0.2 ms an email here).
 */
const toPlainText = compile({ ...plainTextOptions, selectors: [...plainTextSelectors, ...plainTextOptions.selectors] })

/**
 * Every email goes out as HTML and as plain text, both from one React Email component. React renders
 * it once: the text is converted from that HTML with the options above, which is what
 * `render(element, { plainText: true })` does after rendering the component a second time.
 */
export async function renderBody(element: ReactElement): Promise<RenderedBody> {
  const html = await render(element)
  return { html, text: toPlainText(html) }
}

export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  return { subject, ...(await renderBody(element)) }
}

/** A queued email's body, rendered from its template and props (at delivery, or to read it in a test). */
export function renderTemplateEmail(email: TemplateEmail): Promise<RenderedBody> {
  return renderBody(templateElement(email))
}
