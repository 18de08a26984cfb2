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
import type { Effect, StepRecord } from '~/workflow/machine'
import { roleNames } from '~/workflow/signatories'
import { emailDocuments, emailDocumentsInclude } from './email-documents.server'
import { categoryLabels, reasonLabels, type Category, type SingleSourceReason } from './labels'

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
  const name = (id: string) => people.get(id)?.name ?? 'Someone'
  return {
    to: signatory.email,
    subject: `${isReminder ? 'Reminder: ' : ''}${justification.reference} awaits your signature: ${justification.title}`,
    template: isReminder ? 'signature-reminder' : 'signature-requested',
    // Rendered by the outbox worker at delivery (docs/decisions/027-render-email-at-delivery.md).
    props: {
      signatoryName: signatory.name,
      request: whatIsAskedOfYou(step, justification.group.code),
      justificationUrl: `${appUrl}/justifications/${justification.id}`,
      signOffUrl,
      linkValidFor: describeHours(linkTtlHours),
      linkExpiresAt: linkExpiresAt ? formatDateTime(linkExpiresAt) : null,
      summary: summaryOf(justification),
      documents: justification.documents,
      reasonText: justification.reasonText,
      chainSoFar: describeChain(chain, name),
      splitPurchaseWarning: justification.splitPurchaseWarning,
      alternativeSuppliers: justification.alternativeSuppliers,
      isReminder,
    },
  }
}

/**
 * "You are asked to sign as group leader for EN-MME.": what the signatory is asked, and why them,
 * addressed to them. The step's stored explanation says the same in the third person, for the
 * audit trail; an email speaks to its reader.
 */
export function whatIsAskedOfYou(step: Pick<StepRecord, 'role' | 'reason'>, groupCode: string): string {
  const role = roleNames[step.role]
  const inPlace = (why: string) => `You are asked to sign in place of the ${role}: ${why}, so the step comes to you.`
  switch (step.reason) {
    case 'POSITION':
      return `You are asked to sign as ${role} for ${groupCode}.`
    case 'DEPUTY_FOR_ABSENT':
      return `You are asked to sign as deputy of the ${role}, who is away.`
    case 'DEPUTY_FOR_SELF_APPROVAL':
      return `You are asked to sign as deputy of the ${role}, who filed this justification and cannot sign it.`
    case 'DEPUTY_FOR_ALREADY_SIGNED':
      return `You are asked to sign as deputy of the ${role}, who already signs an earlier step.`
    case 'ESCALATED_VACANT':
      return inPlace('the position is vacant')
    case 'ESCALATED_ABSENT':
      return inPlace('they and their deputies are away')
    case 'ESCALATED_SELF':
      return inPlace('they filed this justification and cannot sign it')
    case 'ESCALATED_ALREADY_SIGNED':
      return inPlace('they already sign an earlier step')
    case 'ESCALATED_OVERDUE':
      return inPlace('no decision came within the escalation delay')
    case 'REASSIGNED_BY_PROCUREMENT':
      return `You are asked to sign for the ${role} step: the procurement office passed it to you.`
  }
}

/** The relations emails describe a justification with, read with its row. */
export const emailRowInclude = {
  requester: { select: { id: true, name: true, email: true } },
  group: { select: { code: true } },
  supplierCountry: { select: { name: true } },
  originCountry: { select: { name: true } },
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
export function describeChain(chain: StepRecord[], name: (id: string) => string): string[] {
  const state: Record<StepRecord['status'], string> = {
    'to-come': 'to come',
    pending: 'awaiting signature',
    done: 'signed',
    rejected: 'rejected',
    returned: 'sent back for changes',
    'not-reached': 'not reached',
  }
  return chain.map((step) => `${step.label}: ${name(step.signatoryId)}, ${state[step.status]}${step.decidedAt ? ` ${formatDateTime(step.decidedAt)}` : ''}`)
}

function describeHours(hours: number) {
  return hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`
}

export type JustificationForEmail = {
  id: string
  reference: string
  title: string
  requester: { id: string; name: string; email: string }
  group: { code: string }
  supplierName: string
  supplierCountry: { name: string }
  originCountry: { name: string } | null
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

export type Person = { id: string; name: string; email: string }

/** A signatory's own sign-off link, issued with the transition that assigned the step. */
export type SignOffLink = { url: string; expiresAt: Date }

export function summaryOf(j: JustificationForEmail): JustificationSummaryProps {
  return {
    reference: j.reference,
    title: j.title,
    requesterName: j.requester.name,
    groupCode: j.group.code,
    supplierName: j.supplierName,
    supplierCountry: j.supplierCountry.name,
    originCountry: j.originCountry?.name ?? null,
    category: categoryLabels[j.category],
    amount: formatMoney(j.amountMinor, j.currency),
    amountChf: j.amountChfMinor === null ? null : formatMoney(j.amountChfMinor, 'CHF'),
    reason: reasonLabels[j.reason],
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
  const summary = summaryOf(justification)
  const requester = justification.requester
  const name = (id: string) => people.get(id)?.name ?? 'Someone'
  const final = effects.some((e) => e.type === 'APPROVED' || e.type === 'REJECTED' || e.type === 'CHANGES_REQUESTED' || e.type === 'WITHDRAWN')
  const emails: OutgoingEmail[] = []
  const toRequester = async (
    template: 'justification-signed' | 'justification-approved' | 'justification-rejected' | 'justification-changes-requested',
    subject: string,
    { url: actionUrl, ...props }: { headline: string; paragraphs: string[]; quote?: string | null; actionLabel?: string; url?: string },
  ) => {
    emails.push({
      to: requester.email,
      subject: `${justification.reference}: ${subject}`,
      template,
      props: { recipientName: requester.name, quote: null, actionLabel: 'Open the justification', ...props, justificationUrl: actionUrl ?? url, summary },
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
          await toRequester('justification-signed', `signed by ${name(effect.step.decidedBy ?? '')}`, {
            headline: `${name(effect.step.decidedBy ?? '')} signed your justification`,
            paragraphs: [`${name(effect.step.decidedBy ?? '')} signed as ${effect.step.label} on ${formatDateTime(effect.step.decidedAt ?? new Date().toISOString())}. The next signature has been requested.`],
            quote: effect.step.comment,
          })
        }
        break
      case 'APPROVED':
        await toRequester('justification-approved', 'approved', {
          headline: 'Your justification was approved',
          paragraphs: effect.withoutSignature
            ? ['At this amount the signature policy asks for no signature: your justification is approved as submitted.']
            : [`Every signature is in. You may proceed with the purchase.`, ...describeChain(chain, name)],
        })
        break
      case 'REJECTED':
        await toRequester('justification-rejected', 'rejected', {
          headline: 'Your justification was rejected',
          paragraphs: [`${name(effect.by)} rejected your justification on ${formatDateTime(effect.at)}, with this reason:`],
          quote: effect.reason,
        })
        break
      case 'CHANGES_REQUESTED':
        await toRequester('justification-changes-requested', 'changes requested', {
          headline: 'Changes are requested to your justification',
          paragraphs: [`${name(effect.by)} asked you for changes on ${formatDateTime(effect.at)}. Edit your justification and submit it again: the signatures then start over.`],
          quote: effect.comment,
          actionLabel: 'Edit and resubmit',
          url: `${url}/edit`,
        })
        break
      case 'ASSIGNMENT_ENDED': {
        const withdrawn = effects.find((e) => e.type === 'WITHDRAWN')
        const signatory = people.get(effect.signatoryId)
        if (!withdrawn || !signatory) break
        emails.push({
          to: signatory.email,
          subject: `${justification.reference} no longer needs your signature`,
          template: 'justification-withdrawn',
          props: {
            recipientName: signatory.name,
            headline: 'A justification you were asked to sign was withdrawn',
            paragraphs: [`${requester.name} withdrew it on ${formatDateTime(withdrawn.at)}. Nothing is left for you to do: your sign-off link no longer works.`],
            quote: withdrawn.type === 'WITHDRAWN' ? withdrawn.reason : null,
            actionLabel: 'Open the justification',
            justificationUrl: url,
            summary,
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
