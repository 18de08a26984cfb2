/**
 * Everything a SUBMIT needs, decided in one pure step: CHF equivalent of the amount, the policy in
 * force on the submission day, the tiers that amount requires, and who signs each of them.
 *
 * The caller loads the data (rate table, policies, org snapshot) and passes the submission time;
 * the resulting event carries the outcome to the machine, which never looks anything up itself.
 */
import { chfEquivalent, type ExchangeRate } from '../money/conversion.ts'
import type { Currency } from '../money/currency.ts'
import { calendarDateIn, type IsoDate } from '../calendar/calendar-date.ts'
import type { JustificationEvent } from './justification-types.ts'
import type { OrgSnapshot } from './org-snapshot.ts'
import { policyInForce, requiredTiers, type RequiredTier, type SignatoryRole, type SignaturePolicy } from './signature-policy.ts'
import { resolveSignatories, type SignatoryError } from './signatories.ts'

export type SubmissionRequest = {
  requesterId: string
  carryingGroupId: string
  amountMinor: number
  currency: Currency
  /** CHF per unit of `currency` from procurement's rate table; "1" for CHF. */
  rate: ExchangeRate | string
  policies: readonly SignaturePolicy[]
  org: OrgSnapshot
  /** Submission instant (ISO 8601). The policy and the organisation are read on its calendar day. */
  at: string
  timeZone?: string
  escalationTopRole?: SignatoryRole
}

export type SubmitEvent = Extract<JustificationEvent, { type: 'SUBMIT' }>

export type PreparedSubmission =
  | { ok: true; event: SubmitEvent; chfMinor: number; rate: ExchangeRate; policy: SignaturePolicy; tiers: RequiredTier[]; date: IsoDate }
  | { ok: false; code: 'INVALID_AMOUNT' | 'INVALID_TIME' | 'NO_POLICY' | SignatoryError['code']; message: string }

export function prepareSubmission(request: SubmissionRequest): PreparedSubmission {
  const instant = new Date(request.at)
  if (Number.isNaN(instant.getTime())) return { ok: false, code: 'INVALID_TIME', message: `“${request.at}” is not a valid time.` }
  const date = calendarDateIn(instant, request.timeZone)
  const converted = chfEquivalent(request.amountMinor, request.currency, request.rate)
  if (!converted.ok) return { ok: false, code: 'INVALID_AMOUNT', message: converted.message }
  const policy = policyInForce(request.policies, date)
  if (!policy) return { ok: false, code: 'NO_POLICY', message: `No signature policy is in force on ${date}.` }
  const tiers = requiredTiers(policy, converted.chfMinor)
  const resolved = resolveSignatories({
    tiers,
    org: request.org,
    carryingGroupId: request.carryingGroupId,
    requesterId: request.requesterId,
    date,
    ...(request.escalationTopRole ? { escalationTopRole: request.escalationTopRole } : {}),
  })
  if (!resolved.ok) return { ok: false, code: resolved.error.code, message: resolved.error.message }
  return {
    ok: true,
    event: { type: 'SUBMIT', actorId: request.requesterId, at: request.at, chain: resolved.chain, policyVersion: policy.version, amountChfMinor: converted.chfMinor },
    chfMinor: converted.chfMinor,
    rate: converted.rate,
    policy,
    tiers,
    date,
  }
}
