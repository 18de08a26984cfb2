import type { Database } from '~/db/client.server'
import { loadJustificationPage } from '~/justifications/page.server'
import type { Viewer } from '~/justifications/visibility.server'

/**
 * One justification with its signature chain and timeline, as its page shows it to this viewer (the
 * same visibility: null when they may not see it). Messages are said in the caller's language.
 */
export async function readJustificationForApi(db: Database, viewer: Viewer, id: string, { now, say }: { now: Date; say: (text: string) => string }) {
  const page = await loadJustificationPage(db, viewer, id, now)
  if (!page) return null
  return {
    id: page.id,
    reference: page.reference,
    title: page.title,
    description: page.description,
    status: page.status,
    rowVersion: page.rowVersion,
    category: page.categoryCode,
    reason: page.reasonCode,
    reasonText: page.reasonText,
    marketSurveyReference: page.marketSurveyReference,
    supplierName: page.supplier,
    supplierCountryCode: page.supplierCountryCode,
    originCountryCode: page.originCountryCode,
    amountMinor: page.amountMinor,
    currency: page.currency,
    amountChfMinor: page.amountChfMinor,
    exchangeRate: page.exchangeRate,
    policyVersion: page.policyVersion,
    requesterName: page.requester,
    group: page.group,
    department: page.department,
    submittedAt: page.submittedAtIso,
    splitPurchaseFlag: page.splitPurchaseFlag,
    chain: page.chain.map((step) => ({
      index: step.index,
      role: step.role,
      label: step.label,
      signatory: step.signatory,
      status: step.status,
      decidedBy: step.decidedBy,
      decidedAt: step.decidedAtIso,
      comment: step.comment ?? null,
    })),
    timeline: page.timeline.map((event) => ({ id: event.id, type: event.type, label: event.label, actor: event.actor, at: event.atIso, details: event.details === null ? null : say(event.details) })),
    can: page.can,
  }
}
