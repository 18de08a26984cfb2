import { generateToken, hashToken } from '~/auth/tokens.server'
import type { DatabaseOrTransaction, Transaction } from '~/db/client.server'

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

/** The link with what checking it needs of its addressee (still active? their name), read together. */
export async function findSignOffTokenWithSignatory(db: DatabaseOrTransaction, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null
  return db.signOffToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { signatory: { select: { isActive: true, name: true } } } })
}
