import { coveredTextSha256 } from '~/attachments/covered-content'
import { coveredDocuments } from '~/attachments/list-attachments.server'
import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { minorToColumn } from '~/money/minor-units'
import { assessSubmission } from './assess-submission.server'
import { loadFilingTimeReturn } from '~/industrial-return/views/filing-time.server'
import { alternativeSuppliersFor } from '~/industrial-return/suppliers/load-register-for-filing.server'
import { alternativeSuppliersReasonMissing } from './justification-form-schema'
import { message } from '~/i18n/message'
import { invalid } from './prepare-fields.server'
import { recordNamedSupplier } from '~/industrial-return/suppliers/record-named-supplier.server'
import { runTransition, type PersonActor, type TransitionResult } from './transition.server'

/** The refusal when what submitting means has changed since the requester reviewed it. */
export const REVIEW_OUTDATED =
  'What submitting means has changed since you reviewed it (the amount, the exchange rate, the signature policy, who signs or the documents): read the review again before you confirm.'

/**
 * Submits a draft (or resubmits after changes): converts the amount to CHF with the rate valid
 * today, takes the policy in force today, resolves who signs from the organisation today, checks for
 * a split purchase, and starts the chain. All of it is recorded with the justification, with what
 * is submitted: every current document's hash and the text's hash (fixed until changes are requested).
 * With `reviewedFingerprint` (the review page's confirmation), it submits only if all of that is
 * still what the review showed (assessSubmission's fingerprint), else refuses with CONFLICT.
 */
export async function submitJustification(
  db: Database,
  { id, rowVersion, actor, now, reviewedFingerprint }: { id: string; rowVersion?: number; actor: PersonActor; now: Date; reviewedFingerprint?: string },
): Promise<TransitionResult> {
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    prepare: async (row) => {
      const assessed = await assessSubmission(db, row, now)
      if (!assessed.ok) return assessed.failure
      if (reviewedFingerprint !== undefined && assessed.fingerprint !== reviewedFingerprint) return { ok: false, kind: 'CONFLICT', message: REVIEW_OUTDATED }
      const { prepared, rate, split, amountMinor, currency, attachments } = assessed
      // Registered suppliers in very poorly balanced countries with the same activity: the reason why
      // none can deliver is required, and who they were is kept with the submission (ADR 044).
      const filingTimeReturn = row.activityCode ? await loadFilingTimeReturn(db, now) : null
      const alternatives = filingTimeReturn
        ? await alternativeSuppliersFor(db, { supplierName: row.supplierName, supplierCountryCode: row.supplierCountryCode, category: row.category, activityCode: row.activityCode ?? undefined }, filingTimeReturn)
        : []
      if (alternatives.length > 0 && !row.alternativeSuppliersReason) {
        return invalid({ alternativeSuppliersReason: [alternativeSuppliersReasonMissing] }, message('forms:justification.alternativeSuppliers.missingOnSubmit'))
      }
      return {
        event: { ...prepared.event, actorId: actor.id },
        columns: {
          amountChfMinor: minorToColumn(prepared.chfMinor),
          exchangeRate: prepared.rate.text,
          exchangeRateDate: dateColumn(rate.validFrom),
          policyVersion: prepared.policy.version,
          submittedAt: now,
          splitPurchaseFlag: split.flagged,
          alternativeSuppliers: alternatives.map(({ name, countryCode }) => ({ name, countryCode, countryName: filingTimeReturn?.countries.find((c) => c.code === countryCode)?.name ?? countryCode })),
        },
        submission: {
          amountMinor,
          currency,
          amountChfMinor: prepared.chfMinor,
          rate: prepared.rate.text,
          rateDate: rate.validFrom,
          splitPurchaseFlag: split.flagged,
          splitPurchaseWarning: split.message,
        },
        covered: { documents: coveredDocuments(attachments), textSha256: coveredTextSha256(row) },
        // The supplier named at filing joins the register (or completes its entry), with the submission.
        alsoWrite: (tx) =>
          recordNamedSupplier(
            tx,
            { name: row.supplierName, establishmentCountryCode: row.supplierCountryCode, originCountryCode: row.originCountryCode, activityCode: row.activityCode },
            { via: 'JUSTIFICATION', justificationId: row.id, actorId: actor.id, now, origin: actor.origin },
          ),
      }
    },
  })
}
