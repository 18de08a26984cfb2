import { JustificationUpdateEmail } from '#emails/justification-update'
import { SignatureRequestedEmail } from '#emails/signature-requested'
import type { JustificationSummaryProps } from '#emails/justification-summary'
import type { OutgoingEmail } from '~/email/outbox.server'
import { renderEmail } from '~/email/render.server'
import { formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { formatDateTime } from '~/org/describe'
import type { Effect } from '~/workflow/machine'
import { categoryLabels, reasonLabels, type Category, type SingleSourceReason } from './labels'

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
  splitPurchaseWarning: string | null
}

export type Person = { id: string; name: string; email: string }

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
  { appUrl }: { appUrl: string },
): Promise<OutgoingEmail[]> {
  const url = `${appUrl}/justifications/${justification.id}`
  const summary = summaryOf(justification)
  const requester = justification.requester
  const name = (id: string) => people.get(id)?.name ?? 'Someone'
  const final = effects.some((e) => e.type === 'APPROVED' || e.type === 'REJECTED' || e.type === 'CHANGES_REQUESTED' || e.type === 'WITHDRAWN')
  const emails: OutgoingEmail[] = []
  const toRequester = async (template: string, subject: string, props: { headline: string; paragraphs: string[]; quote?: string | null; actionLabel?: string }) => {
    const rendered = await renderEmail(
      `${justification.reference}: ${subject}`,
      JustificationUpdateEmail({ recipientName: requester.name, quote: null, actionLabel: 'Open the justification', ...props, justificationUrl: url, summary }),
    )
    emails.push({ ...rendered, to: requester.email, template })
  }

  for (const effect of effects) {
    switch (effect.type) {
      case 'STEP_ASSIGNED': {
        const signatory = people.get(effect.step.signatoryId)
        if (!signatory) break
        const rendered = await renderEmail(
          `${justification.reference} awaits your signature: ${justification.title}`,
          SignatureRequestedEmail({
            signatoryName: signatory.name,
            stepLabel: effect.step.label,
            whyYou: effect.step.explanation,
            justificationUrl: url,
            summary,
            splitPurchaseWarning: justification.splitPurchaseWarning,
          }),
        )
        emails.push({ ...rendered, to: signatory.email, template: 'signature-requested' })
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
            ? ['At this amount the signature policy asks for no signature: the justification is approved as submitted.']
            : [`Every signature is in (the last on ${formatDateTime(effect.at)}). You may proceed with the purchase.`],
        })
        break
      case 'REJECTED':
        await toRequester('justification-rejected', 'rejected', {
          headline: 'Your justification was rejected',
          paragraphs: [`${name(effect.by)} rejected it on ${formatDateTime(effect.at)}, with this reason:`],
          quote: effect.reason,
        })
        break
      case 'CHANGES_REQUESTED':
        await toRequester('justification-changes-requested', 'changes requested', {
          headline: 'Changes are requested to your justification',
          paragraphs: [`${name(effect.by)} asked for changes on ${formatDateTime(effect.at)}. Edit the justification and submit it again: the signatures then start over.`],
          quote: effect.comment,
          actionLabel: 'Edit and resubmit',
        })
        break
      case 'ASSIGNMENT_ENDED': {
        const withdrawn = effects.find((e) => e.type === 'WITHDRAWN')
        const signatory = people.get(effect.signatoryId)
        if (!withdrawn || !signatory) break
        const rendered = await renderEmail(
          `${justification.reference} no longer needs your signature`,
          JustificationUpdateEmail({
            recipientName: signatory.name,
            headline: 'A justification you were asked to sign was withdrawn',
            paragraphs: [`${requester.name} withdrew it on ${formatDateTime(withdrawn.at)}. Nothing is left for you to do.`],
            quote: withdrawn.type === 'WITHDRAWN' ? withdrawn.reason : null,
            actionLabel: 'Open the justification',
            justificationUrl: url,
            summary,
          }),
        )
        emails.push({ ...rendered, to: signatory.email, template: 'justification-withdrawn' })
        break
      }
      default:
        break
    }
  }
  return emails
}
