import { generateToken, hashToken } from '~/auth/tokens.server'
import type { DatabaseOrTransaction, Transaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import type { WorkflowSettings } from './settings.server'

export type IssuedToken = { token: string; data: { tokenHash: string; justificationId: string; round: number; stepIndex: number; signatoryId: string; expiresAt: Date; createdAt: Date } }

/** A new sign-off link for one signatory's turn on one step: 256 random bits, only the hash kept. */
export function issueSignOffToken(input: { justificationId: string; round: number; stepIndex: number; signatoryId: string; now: Date; ttlHours: number }): IssuedToken {
  const token = generateToken()
  return {
    token,
    data: {
      tokenHash: hashToken(token),
      justificationId: input.justificationId,
      round: input.round,
      stepIndex: input.stepIndex,
      signatoryId: input.signatoryId,
      expiresAt: new Date(input.now.getTime() + input.ttlHours * 60 * 60 * 1000),
      createdAt: input.now,
    },
  }
}

export function signOffUrl(appUrl: string, token: string) {
  return `${appUrl}/sign-off/${token}`
}

/** Every live link of a person for a step stops working (decided, reassigned, withdrawn, or superseded). */
export async function revokeSignOffTokens(
  tx: Transaction,
  where: { justificationId: string; stepIndex?: number; signatoryId?: string },
  reason: 'ASSIGNMENT_ENDED' | 'SUPERSEDED',
  now: Date,
) {
  await tx.signOffToken.updateMany({ where: { ...where, usedAt: null, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } })
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/

export async function findSignOffToken(db: DatabaseOrTransaction, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null
  return db.signOffToken.findUnique({ where: { tokenHash: hashToken(token) } })
}

type LinkForCheck = {
  id: string
  justificationId: string
  round: number
  stepIndex: number
  signatoryId: string
  expiresAt: Date
  usedAt: Date | null
  revokedAt: Date | null
  revokedReason: string | null
  signatory: { isActive: boolean; name: string }
  justification: { id: string; status: string; snapshot: unknown; machineVersion: number }
  /** The workflow settings row, null until an administrator saved one. */
  settings: WorkflowSettings | null
}

/**
 * The link with all that checking it needs, in one statement: its addressee (still active? their
 * name), its justification's state and the workflow settings (is signing in required?).
 */
export async function findSignOffLinkForCheck(db: DatabaseOrTransaction, token: string): Promise<LinkForCheck | null> {
  if (!TOKEN_SHAPE.test(token)) return null
  const rows = await db.$queryRaw<LinkForCheck[]>(Prisma.sql`
    SELECT t."id", t."justificationId", t."round", t."stepIndex", t."signatoryId", t."expiresAt", t."usedAt", t."revokedAt", t."revokedReason",
      json_build_object('isActive', p."isActive", 'name', p."name") AS "signatory",
      json_build_object('id', j."id", 'status', j."status", 'snapshot', j."snapshot", 'machineVersion', j."machineVersion") AS "justification",
      CASE WHEN s."id" IS NULL THEN NULL ELSE json_build_object('linkTtlHours', s."linkTtlHours", 'reminderAfterWorkingDays', s."reminderAfterWorkingDays",
        'escalateAfterWorkingDays', s."escalateAfterWorkingDays", 'linkRequiresSignIn', s."linkRequiresSignIn") END AS "settings"
    FROM "SignOffToken" t
    JOIN "Person" p ON p."id" = t."signatoryId"
    JOIN "Justification" j ON j."id" = t."justificationId"
    LEFT JOIN "WorkflowSettings" s ON s."id" = 1
    WHERE t."tokenHash" = ${hashToken(token)}`)
  return rows[0] ?? null
}
