import { appendAuditEvent } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { calendarDateIn } from '~/workflow/calendar-date'
import { JUSTIFICATION_MACHINE_VERSION, sendAndSnapshot } from '~/workflow/machine'
import { prepareSubmission } from '~/workflow/submission'
import { policyInForce } from '~/workflow/signature-policy'
import type { JustificationFormInput } from './forms'
import { reasonLabels } from './labels'
import { loadOrgSnapshot } from './load-org-snapshot.server'
import { findRateOn } from '~/money/exchange-rates.server'
import { loadPolicies } from './signature-policy.server'
import { checkSplitPurchase } from './split-purchase.server'
import { supplierKeyOf } from './supplier-name'
import { runTransition, type PersonActor, type PreparedTransition, type TransitionFailure, type TransitionResult } from './transition.server'

export type JustificationFields = Omit<JustificationFormInput, 'intent'>

function invalid(fieldErrors: Record<string, string[]>, message = 'Some fields need attention.'): TransitionFailure {
  return { ok: false, kind: 'INVALID', message, fieldErrors }
}

/** What the form cannot know: the countries and group exist. Checked before anything is written. */
async function checkReferences(db: DatabaseOrTransaction, fields: JustificationFields): Promise<TransitionFailure | null> {
  const codes = [fields.supplierCountryCode, ...(fields.originCountryCode ? [fields.originCountryCode] : [])]
  const [countries, group] = await Promise.all([
    db.country.findMany({ where: { code: { in: codes } }, select: { code: true } }),
    db.group.findUnique({ where: { id: fields.groupId }, select: { id: true } }),
  ])
  const known = new Set(countries.map((c) => c.code))
  const errors: Record<string, string[]> = {}
  if (!known.has(fields.supplierCountryCode)) errors.supplierCountryCode = ['Choose the country from the list.']
  if (fields.originCountryCode && !known.has(fields.originCountryCode)) errors.originCountryCode = ['Choose the country from the list.']
  if (!group) errors.groupId = ['Choose a group from the list.']
  return Object.keys(errors).length ? invalid(errors) : null
}

function columnsOf(fields: JustificationFields) {
  return {
    title: fields.title,
    description: fields.description,
    supplierName: fields.supplierName,
    supplierKey: supplierKeyOf(fields.supplierName),
    supplierCountryCode: fields.supplierCountryCode,
    // Services have no country of origin: only the supplier's establishment counts for them.
    originCountryCode: fields.category === 'SUPPLIES' ? (fields.originCountryCode ?? null) : null,
    category: fields.category,
    amountMinor: BigInt(fields.amount),
    currency: fields.currency,
    groupId: fields.groupId,
    reason: fields.reason,
    reasonText: fields.reasonText,
    marketSurveyReference: fields.marketSurveyReference ?? null,
  }
}

/** Files a new justification as a draft. */
export async function createJustification(
  db: Database,
  { fields, actor, now }: { fields: JustificationFields; actor: PersonActor; now: Date },
): Promise<TransitionResult> {
  const problem = await checkReferences(db, fields)
  if (problem) return problem
  const id = crypto.randomUUID()
  const at = now.toISOString()
  const created = sendAndSnapshot(null, { type: 'SAVE_DRAFT', actorId: actor.id, at }, { justificationId: id, requesterId: actor.id })
  if (!created.changed) throw new Error(`A new draft refused its first save: ${created.message}`)
  return db.$transaction(async (tx) => {
    const [{ next }] = await tx.$queryRaw<[{ next: bigint }]>`SELECT nextval('justification_reference_seq') AS next`
    const reference = `SSJ-${now.getUTCFullYear()}-${String(next).padStart(5, '0')}`
    await tx.justification.create({
      data: { id, reference, requesterId: actor.id, ...columnsOf(fields), machineVersion: created.machineVersion, snapshot: created.persisted as object, createdAt: now },
    })
    await appendAuditEvent(tx, { type: 'JUSTIFICATION_CREATED', actorId: actor.id, subject: `justification:${id}`, payload: { reference, title: fields.title }, origin: actor.origin, at: now })
    return { ok: true, id, reference, status: 'DRAFT', rowVersion: 1 } as const
  })
}

type Comparable = string | number | null

function describeValue(field: string, value: Comparable, currency: string): Comparable {
  if (field === 'amountMinor' && typeof value === 'number') return formatMoney(value, currency as Currency)
  if (field === 'reason' && typeof value === 'string') return reasonLabels[value as keyof typeof reasonLabels] ?? value
  return value
}

/** Edits a draft, or a justification sent back for changes. The audit event lists each change, from and to. */
export async function editJustification(
  db: Database,
  { id, rowVersion, fields, actor, now }: { id: string; rowVersion: number; fields: JustificationFields; actor: PersonActor; now: Date },
): Promise<TransitionResult> {
  const problem = await checkReferences(db, fields)
  if (problem) return problem
  const next = columnsOf(fields)
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    prepare: async (row) => {
      const changes: Record<string, { from: Comparable; to: Comparable }> = {}
      for (const [field, value] of Object.entries(next)) {
        if (field === 'supplierKey') continue
        const before = row[field as keyof typeof row] as Comparable | bigint
        const from = typeof before === 'bigint' ? Number(before) : before
        const to = typeof value === 'bigint' ? Number(value) : (value as Comparable)
        if (from !== to) changes[field] = { from: describeValue(field, from, row.currency), to: describeValue(field, to, fields.currency) }
      }
      return {
        event: { type: 'EDIT', actorId: actor.id, at: now.toISOString() },
        columns: next,
        alsoWrite: async (tx) => {
          if (Object.keys(changes).length === 0) return
          await appendAuditEvent(tx, { type: 'JUSTIFICATION_EDITED', actorId: actor.id, subject: `justification:${id}`, payload: { changes }, origin: actor.origin, at: now })
        },
      }
    },
  })
}

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
    ...(rowVersion !== undefined ? { expectedRowVersion: rowVersion } : {}),
    actor,
    prepare: async (row) => {
      const today = calendarDateIn(now)
      const currency = row.currency as Currency
      const [rate, policies, org] = await Promise.all([findRateOn(db, currency, today), loadPolicies(db), loadOrgSnapshot(db)])
      if (!rate) return invalid({ currency: [`Procurement has no exchange rate for ${currency} valid today: ask them to add one, or file in CHF.`] })
      const prepared = prepareSubmission({
        requesterId: row.requesterId,
        carryingGroupId: row.groupId,
        amountMinor: Number(row.amountMinor),
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
          amountChfMinor: BigInt(prepared.chfMinor),
          exchangeRate: prepared.rate.text,
          exchangeRateDate: new Date(`${rate.validFrom}T00:00:00Z`),
          policyVersion: prepared.policy.version,
          submittedAt: now,
          splitPurchaseFlag: split.flagged,
        },
        submission: {
          amountMinor: Number(row.amountMinor),
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

export type Decision = { kind: 'sign'; comment?: string | undefined } | { kind: 'reject'; reason: string } | { kind: 'request-changes'; comment: string }

/** A signatory's decision on the current step, from the app or (later) from an email link. */
export async function decideJustification(
  db: Database,
  {
    id,
    rowVersion,
    actor,
    decision,
    now,
    alsoWrite,
  }: { id: string; rowVersion?: number; actor: PersonActor; decision: Decision; now: Date; alsoWrite?: PreparedTransition['alsoWrite'] },
): Promise<TransitionResult> {
  const stamp = { actorId: actor.id, at: now.toISOString() }
  return runTransition(db, {
    justificationId: id,
    ...(rowVersion !== undefined ? { expectedRowVersion: rowVersion } : {}),
    actor,
    prepare: async () => ({
      ...(alsoWrite ? { alsoWrite } : {}),
      event:
        decision.kind === 'sign'
          ? { type: 'SIGN', ...stamp, ...(decision.comment ? { comment: decision.comment } : {}) }
          : decision.kind === 'reject'
            ? { type: 'REJECT', ...stamp, reason: decision.reason }
            : { type: 'REQUEST_CHANGES', ...stamp, comment: decision.comment },
    }),
  })
}

export async function withdrawJustification(
  db: Database,
  { id, rowVersion, actor, reason, now }: { id: string; rowVersion?: number; actor: PersonActor; reason?: string | undefined; now: Date },
): Promise<TransitionResult> {
  return runTransition(db, {
    justificationId: id,
    ...(rowVersion !== undefined ? { expectedRowVersion: rowVersion } : {}),
    actor,
    prepare: async () => ({ event: { type: 'WITHDRAW', actorId: actor.id, at: now.toISOString(), ...(reason ? { reason } : {}) } }),
  })
}

/** For the filing form: which signatures an amount in CHF needs under the policy in force today. */
export async function policyToday(db: DatabaseOrTransaction, now: Date) {
  const policies = await loadPolicies(db)
  return policyInForce(policies, calendarDateIn(now))
}
