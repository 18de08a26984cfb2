import { createHash } from 'node:crypto'
import { listCurrentAttachments, type AttachmentSummary } from '~/attachments/list-attachments.server'
import { quoteMissing } from '~/attachments/quote-expectation'
import { message } from '~/i18n/message'
import { calendarDateIn } from '~/calendar/calendar-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Currency } from '~/money/currency'
import type { RateOnDate } from '~/money/exchange-rates.server'
import { findRateOn } from '~/money/exchange-rates.server'
import { minorFromColumn } from '~/money/minor-units'
import type { OrgSnapshot } from '~/workflow/org-snapshot'
import { prepareSubmission } from '~/workflow/submission'
import { loadOrgSnapshotFor } from './load-org-snapshot.server'
import { invalid } from './prepare-fields.server'
import { loadPolicies, type StoredPolicy } from './signature-policy.server'
import { checkSplitPurchase, type SplitPurchaseCheck } from './split-purchase.server'
import type { TransitionFailure } from './transition.server'

/** The stored columns a submission is judged on. */
export type SubmittableRow = {
  id: string
  rowVersion: number
  requesterId: string
  groupId: string
  supplierName: string
  amountMinor: bigint
  currency: string
}

type Prepared = Extract<ReturnType<typeof prepareSubmission>, { ok: true }>

export type SubmissionAssessment = {
  ok: true
  amountMinor: number
  currency: Currency
  rate: RateOnDate
  prepared: Prepared
  policy: StoredPolicy
  org: OrgSnapshot
  split: SplitPurchaseCheck
  /** The documents that would be submitted with it (frozen until changes are requested). */
  attachments: AttachmentSummary[]
  /** Above the policy's quote threshold with no quote attached: a warning, never a refusal. */
  quoteWarning: string | null
  /** What the requester was shown, in a few characters: see submissionFingerprint. */
  fingerprint: string
}

/**
 * What submitting this justification now would do: the rate valid today, the CHF equivalent, the
 * policy in force today, who signs from the organisation today (only the part its routing can reach, ADR 041), the split-purchase check, the
 * documents it carries and whether a quote is expected and missing. The
 * review page shows it; the submission computes it again and records it (submit-justification).
 * `detailed` names the related justifications in the split-purchase message (see checkSplitPurchase).
 */
export async function assessSubmission(db: DatabaseOrTransaction, row: SubmittableRow, now: Date, { detailed = true }: { detailed?: boolean } = {}): Promise<SubmissionAssessment | { ok: false; failure: TransitionFailure }> {
  const today = calendarDateIn(now)
  const currency = row.currency as Currency
  const amountMinor = minorFromColumn(row.amountMinor)
  const [rate, policies, org, attachments] = await Promise.all([findRateOn(db, currency, today), loadPolicies(db), loadOrgSnapshotFor(db, { groupIds: [row.groupId], on: today }), listCurrentAttachments(db, row.id)])
  if (!rate) return { ok: false, failure: invalid({ currency: [message('forms:justification.noRate', { currency })] }) }
  const prepared = prepareSubmission({
    requesterId: row.requesterId,
    carryingGroupId: row.groupId,
    amountMinor,
    currency,
    rate: rate.rate,
    policies,
    org,
    at: now.toISOString(),
  })
  if (!prepared.ok) return { ok: false, failure: { ok: false, kind: 'INVALID', message: prepared.message, fieldErrors: {} } }
  const policy = policies.find((p) => p.version === prepared.policy.version)!
  const split = await checkSplitPurchase(db, {
    justificationId: row.id,
    groupId: row.groupId,
    supplierName: row.supplierName,
    amountChfMinor: prepared.chfMinor,
    at: now,
    policy,
    windowDays: policy.splitPurchaseWindowDays,
    detailed,
  })
  const fingerprint = submissionFingerprint({
    rowVersion: row.rowVersion,
    amountMinor,
    currency,
    chfMinor: prepared.chfMinor,
    rate: prepared.rate.text,
    rateDate: rate.validFrom,
    policyVersion: policy.version,
    chain: prepared.event.chain.map((step) => [step.tierIndex, step.role, step.signatoryId]),
    flagged: split.flagged,
    documents: attachments.map((a) => [a.id, a.kind, a.sha256]),
  })
  // A message, worded by the page in its reader's language.
  const quoteWarning = quoteMissing({ amountChfMinor: prepared.chfMinor, thresholdChfMinor: policy.quoteExpectedAboveChfMinor, kinds: attachments.map((a) => a.kind) })
    ? message('justifications:quoteMissing', { threshold: policy.quoteExpectedAboveChfMinor })
    : null
  return { ok: true, amountMinor, currency, rate, prepared, policy, org, split, attachments, quoteWarning, fingerprint }
}

/**
 * A digest of everything the review shows that decides what the submission does: the row's version
 * (any edit), the amount, the rate and its date, the CHF equivalent, the policy version, who signs
 * in which order, whether it is flagged, and which documents (by hash) go with it: a document added
 * or removed after the review changes it even if nothing else did. Equal digests at review and at confirmation mean the
 * requester confirms what they saw; a tampered one only makes the confirmation ask again.
 */
export function submissionFingerprint(shown: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 32)
}
