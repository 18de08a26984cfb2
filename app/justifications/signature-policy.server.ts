import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { message } from '~/i18n/message'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import { DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR } from '~/attachments/quote-expectation'
import { minorFromColumn, minorToColumn } from '~/money/minor-units'
import { signaturePolicySchema, type SignaturePolicy } from '~/workflow/signature-policy'

/** A published version: who signs, the split-purchase window, and above which CHF amount a quote is expected. */
export type StoredPolicy = SignaturePolicy & { splitPurchaseWindowDays: number; quoteExpectedAboveChfMinor: number }

/** What publishing a version takes; without a quote threshold, the schema's default (50’000 CHF). */
export type PolicyInput = { effectiveFrom: string; tiers: SignaturePolicy['tiers']; splitPurchaseWindowDays: number; quoteExpectedAboveChfMinor?: number }

/** Every published policy version, oldest first, each validated as the workflow expects it. */
export async function loadPolicies(db: DatabaseOrTransaction): Promise<StoredPolicy[]> {
  const rows = await db.signaturePolicy.findMany({ orderBy: { effectiveFrom: 'asc' } })
  return rows.map((row) => ({
    ...signaturePolicySchema.parse({ version: row.version, effectiveFrom: isoDateOfColumn(row.effectiveFrom), tiers: row.tiers }),
    splitPurchaseWindowDays: row.splitPurchaseWindowDays,
    quoteExpectedAboveChfMinor: minorFromColumn(row.quoteExpectedAboveChfMinor),
  }))
}

export class PolicyConflictError extends Error {
  override name = 'PolicyConflictError'
}

export class PolicyInThePastError extends Error {
  override name = 'PolicyInThePastError'
}

/**
 * Publishes a new version (the next number). It applies to justifications submitted from its
 * effective date on; those already submitted keep the version they recorded.
 */
export async function publishPolicy(
  db: Database,
  input: PolicyInput,
  actor: { id: string; origin: RequestOrigin },
  now: Date,
): Promise<StoredPolicy> {
  // A version dated before today would re-judge days already judged by the version then in force.
  const today = calendarDateIn(now)
  if (input.effectiveFrom < today) {
    throw new PolicyInThePastError(message('forms:policy.inThePast', { today }))
  }
  try {
    return await publishNextVersion(db, input, actor)
  } catch (error) {
    // Two people publishing at once both chose the next version number; the second learns it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new PolicyConflictError(message('forms:policy.publishedMeanwhile'))
    }
    throw error
  }
}

async function publishNextVersion(
  db: Database,
  input: PolicyInput,
  actor: { id: string; origin: RequestOrigin },
): Promise<StoredPolicy> {
  return db.$transaction(async (tx) => {
    const latest = await tx.signaturePolicy.findFirst({ orderBy: { version: 'desc' } })
    const version = (latest?.version ?? 0) + 1
    const policy = signaturePolicySchema.parse({ version, effectiveFrom: input.effectiveFrom, tiers: input.tiers })
    const quoteExpectedAboveChfMinor = input.quoteExpectedAboveChfMinor ?? DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR
    if (await tx.signaturePolicy.findUnique({ where: { effectiveFrom: dateColumn(input.effectiveFrom) } })) {
      throw new PolicyConflictError(message('forms:policy.sameDay', { date: input.effectiveFrom }))
    }
    await tx.signaturePolicy.create({
      data: {
        version,
        effectiveFrom: dateColumn(policy.effectiveFrom),
        tiers: policy.tiers,
        splitPurchaseWindowDays: input.splitPurchaseWindowDays,
        quoteExpectedAboveChfMinor: minorToColumn(quoteExpectedAboveChfMinor),
        publishedById: actor.id,
      },
    })
    await appendAuditEvent(tx, {
      type: 'POLICY_PUBLISHED',
      actorId: actor.id,
      subject: 'policy',
      payload: { version, effectiveFrom: policy.effectiveFrom, tiers: policy.tiers, splitPurchaseWindowDays: input.splitPurchaseWindowDays, quoteExpectedAboveChfMinor },
      origin: actor.origin,
    })
    return { ...policy, splitPurchaseWindowDays: input.splitPurchaseWindowDays, quoteExpectedAboveChfMinor }
  })
}
