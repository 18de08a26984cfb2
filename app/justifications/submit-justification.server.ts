import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { findRateOn } from '~/money/exchange-rates.server'
import type { Currency } from '~/money/currency'
import { minorFromColumn, minorToColumn } from '~/money/minor-units'
import { calendarDateIn } from '~/calendar/calendar-date'
import { prepareSubmission } from '~/workflow/submission'
import { loadOrgSnapshot } from './load-org-snapshot.server'
import { invalid } from './prepare-fields.server'
import { loadPolicies } from './signature-policy.server'
import { checkSplitPurchase } from './split-purchase.server'
import { runTransition, type PersonActor, type TransitionResult } from './transition.server'

/**
 * Submits a draft (or resubmits after changes): converts the amount to CHF with the rate valid
 * today, takes the policy in force today, resolves who signs from the organisation today, checks for
 * a split purchase, and starts the chain. All of it is recorded with the justification.
 */
export async function submitJustification(
  db: Database,
  { id, rowVersion, actor, now }: { id: string; rowVersion?: number; actor: PersonActor; now: Date },
): Promise<TransitionResult> {
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    prepare: async (row) => {
      const today = calendarDateIn(now)
      const currency = row.currency as Currency
      const amountMinor = minorFromColumn(row.amountMinor)
      const [rate, policies, org] = await Promise.all([findRateOn(db, currency, today), loadPolicies(db), loadOrgSnapshot(db)])
      if (!rate) return invalid({ currency: [`Procurement has no exchange rate for ${currency} valid today: ask them to add one, or file in CHF.`] })
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
      if (!prepared.ok) return { ok: false, kind: 'INVALID', message: prepared.message, fieldErrors: {} }
      const policy = policies.find((p) => p.version === prepared.policy.version)!
      const split = await checkSplitPurchase(db, {
        justificationId: row.id,
        groupId: row.groupId,
        supplierName: row.supplierName,
        amountChfMinor: prepared.chfMinor,
        at: now,
        policy,
        windowDays: policy.splitPurchaseWindowDays,
      })
      return {
        event: { ...prepared.event, actorId: actor.id },
        columns: {
          amountChfMinor: minorToColumn(prepared.chfMinor),
          exchangeRate: prepared.rate.text,
          exchangeRateDate: dateColumn(rate.validFrom),
          policyVersion: prepared.policy.version,
          submittedAt: now,
          splitPurchaseFlag: split.flagged,
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
      }
    },
  })
}
