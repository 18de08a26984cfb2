import { createElement, type ReactElement } from 'react'
import { CommentPostedEmail, type CommentPostedEmailProps } from '#emails/comment-posted'
import { JustificationUpdateEmail, type JustificationUpdateEmailProps } from '#emails/justification-update'
import { ReturnAlertEmail, type ReturnAlertEmailProps } from '#emails/return-alert'
import { ReturnDigestEmail, type ReturnDigestEmailProps } from '#emails/return-digest'
import { SignInLinkEmail, type SignInLinkEmailProps } from '#emails/sign-in-link'
import { SignatureRequestedEmail, type SignatureRequestedEmailProps } from '#emails/signature-requested'

/**
 * Every kind of email the outbox sends, by the name stored with it (OutboxMessage.template), and the
 * React Email component that renders it at delivery from the props queued with it. Several kinds may
 * share a component (every update to a requester is a JustificationUpdateEmail).
 */
export const emailTemplates = {
  'sign-in-link': SignInLinkEmail,
  'signature-requested': SignatureRequestedEmail,
  'signature-reminder': SignatureRequestedEmail,
  'justification-signed': JustificationUpdateEmail,
  'justification-approved': JustificationUpdateEmail,
  'justification-rejected': JustificationUpdateEmail,
  'justification-changes-requested': JustificationUpdateEmail,
  'justification-withdrawn': JustificationUpdateEmail,
  'comment-posted': CommentPostedEmail,
  'comment-mention': CommentPostedEmail,
  'spread-alert': ReturnAlertEmail,
  'spread-digest': ReturnDigestEmail,
} as const

export type TemplateName = keyof typeof emailTemplates

/** The props each kind is queued with, in full (the components' defaults are for previews and tests). */
type PropsOf = {
  'sign-in-link': SignInLinkEmailProps
  'signature-requested': SignatureRequestedEmailProps
  'signature-reminder': SignatureRequestedEmailProps
  'justification-signed': JustificationUpdateEmailProps
  'justification-approved': JustificationUpdateEmailProps
  'justification-rejected': JustificationUpdateEmailProps
  'justification-changes-requested': JustificationUpdateEmailProps
  'justification-withdrawn': JustificationUpdateEmailProps
  'comment-posted': CommentPostedEmailProps
  'comment-mention': CommentPostedEmailProps
  'spread-alert': ReturnAlertEmailProps
  'spread-digest': ReturnDigestEmailProps
}
export type TemplateProps<Name extends TemplateName> = PropsOf[Name]

/** One kind of email and its props, typed together: what enqueueEmail stores and the worker renders. */
export type TemplateEmail = { [Name in TemplateName]: { template: Name; props: TemplateProps<Name> } }[TemplateName]

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(emailTemplates, name)
}

/** The element to render; props come from JSON (the outbox), so the component's defaults fill what is absent. */
export function templateElement(email: TemplateEmail): ReactElement {
  return createElement(emailTemplates[email.template] as (props: object) => ReactElement, email.props)
}
