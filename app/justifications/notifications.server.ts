import type { TFunction } from 'i18next'
import { translateMessage } from '~/i18n/message'
import { statedAlternativesOf, type StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'
import type { EmailDocument } from '#emails/document-list'
import type { JustificationSummaryProps } from '#emails/justification-summary'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { OutgoingEmail } from '~/email/outbox.server'
import type { Prisma } from '~/generated/prisma/client'
import { formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { minorFromColumn, minorFromNullableColumn } from '~/money/minor-units'
import { formatDateTime } from '~/calendar/format-date'
import { countryName } from '~/i18n/country-names'
import { languageOfRecipient, translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import type { Effect, StepRecord } from '~/workflow/machine'
import { stepLabelText } from '~/workflow/signatory-role-labels'
import { emailDocuments, emailDocumentsInclude } from './email-documents.server'
import type { Category, SingleSourceReason } from './labels'

/** The request to sign (or the reminder): everything needed to decide, and the sign-off link. */
export async function signatureRequestEmail({
  justification,
  step,
  signOffUrl,
  linkExpiresAt,
  chain,
  people,
  appUrl,
  linkTtlHours,
  isReminder = false,
}: {
  justification: JustificationForEmail
  step: StepRecord
  signOffUrl: string
  /** When the sign-off link stops working (null: no link of its own, the justification's page instead). */
  linkExpiresAt: Date | null
  chain: StepRecord[]
  people: Map<string, Person>
  appUrl: string
  linkTtlHours: number
  isReminder?: boolean
}): Promise<OutgoingEmail | null> {
  const signatory = people.get(step.signatoryId)
  if (!signatory) return null
  // In the signatory's language, whoever filed it (a French requester's request reaches an English-speaking leader in English).
  const language = languageOf(signatory)
  const t = translatorFor(language, 'emails')
  const name = (id: string) => people.get(id)?.name ?? t('someone')
  return {
    to: signatory.email,
    subject: t(isReminder ? 'signatureRequested.subjectReminder' : 'signatureRequested.subject', { reference: justification.reference, title: justification.title }),
    template: isReminder ? 'signature-reminder' : 'signature-requested',
    // Rendered by the outbox worker at delivery (docs/decisions/027-render-email-at-delivery.md).
    props: {
      signatoryName: signatory.name,
      request: whatIsAskedOfYou(step, justification.group.code, language),
      justificationUrl: `${appUrl}/justifications/${justification.id}`,
      signOffUrl,
      linkValidFor: describeHours(linkTtlHours, language),
      linkExpiresAt: linkExpiresAt ? formatDateTime(linkExpiresAt, language) : null,
      summary: summaryOf(justification, language),
      documents: justification.documents,
      reasonText: justification.reasonText,
      chainSoFar: describeChain(chain, name, language),
      splitPurchaseWarning: justification.splitPurchaseWarning === SPLIT_PURCHASE_FLAGGED ? t('splitPurchaseFlagged') : justification.splitPurchaseWarning && translateMessage(t as unknown as TFunction, justification.splitPurchaseWarning),
      alternativeSuppliers: justification.alternativeSuppliers,
      isReminder,
      language,
    },
  }
}

/**
 * "You are asked to sign as group leader for EN-MME.": what the signatory is asked, and why them,
 * addressed to them. The step's stored explanation says the same in the third person, for the
 * audit trail; an email speaks to its reader.
 */
export function whatIsAskedOfYou(step: Pick<StepRecord, 'role' | 'reason'>, groupCode: string, language: Language = 'en'): string {
  const t = translatorFor(language, 'emails')
  const role = t(`roles.${step.role}`)
  switch (step.reason) {
    case 'POSITION':
      return t('request.POSITION', { role, group: groupCode })
    case 'DEPUTY_FOR_ABSENT':
    case 'DEPUTY_FOR_SELF_APPROVAL':
    case 'DEPUTY_FOR_ALREADY_SIGNED':
    case 'REASSIGNED_BY_PROCUREMENT':
      return t(`request.${step.reason}`, { role })
    case 'ESCALATED_VACANT':
    case 'ESCALATED_ABSENT':
    case 'ESCALATED_SELF':
    case 'ESCALATED_ALREADY_SIGNED':
    case 'ESCALATED_OVERDUE':
      return t('request.inPlace', { role, why: t(`request.${step.reason}`) })
  }
}

/** The relations emails describe a justification with, read with its row. */
export const emailRowInclude = {
  requester: { select: { id: true, name: true, email: true, preferredLanguage: true } },
  group: { select: { code: true } },
  supplierCountry: { select: { name: true, code: true } },
  originCountry: { select: { name: true, code: true } },
  attachments: emailDocumentsInclude,
} as const satisfies Prisma.JustificationInclude

export type JustificationEmailRow = Prisma.JustificationGetPayload<{ include: typeof emailRowInclude }>

/** A stored justification as emails describe it. */
export function justificationForEmail({ attachments, ...row }: JustificationEmailRow): JustificationForEmail {
  return {
    ...row,
    documents: emailDocuments(attachments),
    category: row.category as Category,
    reason: row.reason as SingleSourceReason,
    currency: row.currency as Currency,
    amountMinor: minorFromColumn(row.amountMinor),
    amountChfMinor: minorFromNullableColumn(row.amountChfMinor),
    splitPurchaseWarning: row.splitPurchaseFlag ? SPLIT_PURCHASE_FLAGGED : null,
    alternativeSuppliers: statedAlternativesOf(row.alternativeSuppliers, row.alternativeSuppliersReason),
  }
}

/** A justification as emails describe it, loaded for emails sent outside a transition (reminders). */
export async function loadJustificationForEmail(db: DatabaseOrTransaction, id: string): Promise<JustificationForEmail> {
  return justificationForEmail(await db.justification.findUniqueOrThrow({ where: { id }, include: emailRowInclude }))
}

export const SPLIT_PURCHASE_FLAGGED = 'flagged at submission (see the justification’s page for the related justifications).'

/** "Group leader: Marta Mendes, signed 26 Nov 2026, 10:15", one line a step. */
export function describeChain(chain: StepRecord[], name: (id: string) => string, language: Language = 'en'): string[] {
  const t = translatorFor(language, 'emails')
  return chain.map((step) => {
    const values = { label: stepLabelText(t, step), name: name(step.signatoryId), state: t(`chain.states.${step.status}`) }
    return step.decidedAt ? t('chain.lineAt', { ...values, at: formatDateTime(step.decidedAt, language) }) : t('chain.line', values)
  })
}

function describeHours(hours: number, language: Language) {
  const t = translatorFor(language, 'emails')
  return hours % 24 === 0 ? t('validFor.days', { count: hours / 24 }) : t('validFor.hours', { n: hours })
}

export type JustificationForEmail = {
  id: string
  reference: string
  title: string
  requester: Person
  group: { code: string }
  supplierName: string
  supplierCountry: { name: string; code?: string }
  originCountry: { name: string; code?: string } | null
  category: Category
  amountMinor: number
  currency: Currency
  amountChfMinor: number | null
  reason: SingleSourceReason
  reasonText: string
  splitPurchaseWarning: string | null
  /** The suppliers in very poorly balanced countries the requester was shown, and why none can deliver (ADR 044). */
  alternativeSuppliers: StatedAlternatives | null
  /** Its current documents (a request to sign lists what the signature covers). */
  documents: EmailDocument[]
}

/** A person an email may be sent to; their saved language, when read, is the email's (languageOfRecipient). */
export type Person = { id: string; name: string; email: string; preferredLanguage?: string | null }

/** The language of an email to `person` (languageOfRecipient: their preference, else the organisation's default). */
export function languageOf(person: Person): Language {
  return languageOfRecipient({ preferredLanguage: person.preferredLanguage ?? null })
}

/** A signatory's own sign-off link, issued with the transition that assigned the step. */
export type SignOffLink = { url: string; expiresAt: Date }

export function summaryOf(j: JustificationForEmail, language: Language = 'en'): JustificationSummaryProps {
  const t = translatorFor(language, 'emails')
  const country = (c: { name: string; code?: string }) => (c.code ? countryName(c.code, c.name, language) : c.name)
  return {
    reference: j.reference,
    title: j.title,
    requesterName: j.requester.name,
    groupCode: j.group.code,
    supplierName: j.supplierName,
    supplierCountry: country(j.supplierCountry),
    originCountry: j.originCountry ? country(j.originCountry) : null,
    category: t(`categories.${j.category}`),
    amount: formatMoney(j.amountMinor, j.currency, language),
    amountChf: j.amountChfMinor === null ? null : formatMoney(j.amountChfMinor, 'CHF', language),
    reason: t(`reasons.${j.reason}`),
  }
}

/**
 * The emails one transition causes: each new signatory is asked to sign; the requester hears of
 * every decision; a signatory whose step was withdrawn is told it no longer needs them.
 */
export async function emailsFor(
  effects: Effect[],
  justification: JustificationForEmail,
  people: Map<string, Person>,
  { appUrl, signOffLinks, chain, linkTtlHours }: { appUrl: string; signOffLinks: Map<number, SignOffLink>; chain: StepRecord[]; linkTtlHours: number },
): Promise<OutgoingEmail[]> {
  const url = `${appUrl}/justifications/${justification.id}`
  const requester = justification.requester
  // Each email in its recipient's language: the requester's own, whoever signed.
  const toRequesterIn = languageOf(requester)
  const t = translatorFor(toRequesterIn, 'emails')
  const summary = summaryOf(justification, toRequesterIn)
  const name = (id: string) => people.get(id)?.name ?? t('someone')
  const at = (date: Date | string) => formatDateTime(date, toRequesterIn)
  const final = effects.some((e) => e.type === 'APPROVED' || e.type === 'REJECTED' || e.type === 'CHANGES_REQUESTED' || e.type === 'WITHDRAWN')
  const emails: OutgoingEmail[] = []
  const toRequester = async (
    template: 'justification-signed' | 'justification-approved' | 'justification-rejected' | 'justification-changes-requested',
    subject: string,
    { url: actionUrl, ...props }: { headline: string; paragraphs: string[]; quote?: string | null; actionLabel?: string; url?: string },
  ) => {
    emails.push({
      to: requester.email,
      subject: t('update.subject', { reference: justification.reference, what: subject }),
      template,
      props: { recipientName: requester.name, quote: null, actionLabel: t('update.open'), ...props, justificationUrl: actionUrl ?? url, summary, language: toRequesterIn },
    })
  }

  for (const effect of effects) {
    switch (effect.type) {
      case 'STEP_ASSIGNED': {
        const link = signOffLinks.get(effect.stepIndex)
        const email = await signatureRequestEmail({ justification, step: effect.step, signOffUrl: link?.url ?? url, linkExpiresAt: link?.expiresAt ?? null, chain, people, appUrl, linkTtlHours })
        if (email) emails.push(email)
        break
      }
      case 'STEP_SIGNED':
        if (!final) {
          const signer = name(effect.step.decidedBy ?? '')
          const label = toRequesterIn === 'en' ? effect.step.label : t(`roles.${effect.step.role}`)
          await toRequester('justification-signed', t('update.signedSubject', { name: signer }), {
            headline: t('update.signedHeadline', { name: signer }),
            paragraphs: [t('update.signedParagraph', { name: signer, label, at: at(effect.step.decidedAt ?? new Date().toISOString()) })],
            quote: effect.step.comment,
          })
        }
        break
      case 'APPROVED':
        await toRequester('justification-approved', t('update.approvedSubject'), {
          headline: t('update.approvedHeadline'),
          paragraphs: effect.withoutSignature ? [t('update.approvedWithoutSignature')] : [t('update.approvedAllSigned'), ...describeChain(chain, name, toRequesterIn)],
        })
        break
      case 'REJECTED':
        await toRequester('justification-rejected', t('update.rejectedSubject'), {
          headline: t('update.rejectedHeadline'),
          paragraphs: [t('update.rejectedParagraph', { name: name(effect.by), at: at(effect.at) })],
          quote: effect.reason,
        })
        break
      case 'CHANGES_REQUESTED':
        await toRequester('justification-changes-requested', t('update.changesSubject'), {
          headline: t('update.changesHeadline'),
          paragraphs: [t('update.changesParagraph', { name: name(effect.by), at: at(effect.at) })],
          quote: effect.comment,
          actionLabel: t('update.editAndResubmit'),
          url: `${url}/edit`,
        })
        break
      case 'ASSIGNMENT_ENDED': {
        const withdrawn = effects.find((e) => e.type === 'WITHDRAWN')
        const signatory = people.get(effect.signatoryId)
        if (!withdrawn || !signatory) break
        const language = languageOf(signatory)
        const ts = translatorFor(language, 'emails')
        emails.push({
          to: signatory.email,
          subject: ts('update.withdrawnSubject', { reference: justification.reference }),
          template: 'justification-withdrawn',
          props: {
            recipientName: signatory.name,
            headline: ts('update.withdrawnHeadline'),
            paragraphs: [ts('update.withdrawnParagraph', { name: requester.name, at: formatDateTime(withdrawn.at, language) })],
            quote: withdrawn.type === 'WITHDRAWN' ? withdrawn.reason : null,
            actionLabel: ts('update.open'),
            justificationUrl: url,
            summary: summaryOf(justification, language),
            language,
          },
        })
        break
      }
      default:
        break
    }
  }
  return emails
}
