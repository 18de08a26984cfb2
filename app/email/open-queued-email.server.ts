import { renderTemplateEmail, type RenderedBody } from './render.server'
import { openSealedMessage, outboxSecret, type StoredBody } from './sealed-body.server'
import { isTemplateName, type TemplateEmail } from './templates.server'

export type QueuedEmailBody =
  | ({ ok: true } & RenderedBody)
  | { ok: false; reason: 'other-key' | 'altered' | 'missing' | 'unknown-template' | 'not-rendered'; message: string }

/**
 * A queued message's HTML and text: opened, then rendered from its template and props (or, for a
 * message sealed rendered, as it was sealed). Why it cannot be had is worded for the outbox page;
 * none of these reasons is one a retry can help.
 */
export async function renderQueuedEmail(stored: StoredBody, secret = outboxSecret()): Promise<QueuedEmailBody> {
  const opened = openSealedMessage(stored, secret)
  if (!opened.ok) return opened
  const { content } = opened
  if (content.kind === 'body') return { ok: true, html: content.html, text: content.text }
  if (!isTemplateName(content.template)) {
    return { ok: false, reason: 'unknown-template', message: `The template "${content.template}" is not one this version of SoleSource knows, so the email cannot be rendered. It is not sent.` }
  }
  if (typeof content.props !== 'object' || content.props === null || Array.isArray(content.props)) {
    return { ok: false, reason: 'not-rendered', message: `The props of the "${content.template}" email are not an object, so it cannot be rendered. It is not sent.` }
  }
  try {
    return { ok: true, ...(await renderTemplateEmail({ template: content.template, props: content.props } as TemplateEmail)) }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'not-rendered', message: `The "${content.template}" email could not be rendered from its props (${why}). It is not sent.` }
  }
}

/** What a queued email says, for code that must have it (tests reading a link or a code). */
export async function readQueuedEmail(stored: StoredBody, secret?: string): Promise<RenderedBody> {
  const body = await renderQueuedEmail(stored, secret)
  if (!body.ok) throw new Error(body.message)
  return { html: body.html, text: body.text }
}
