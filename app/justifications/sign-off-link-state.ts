import type { SignatoryRole } from '~/workflow/signature-policy'

/**
 * What a sign-off link stands for right now. Every refusal says what happened, and nothing about
 * any other justification; an unknown or tampered token says only that it is not valid.
 */
export type SignOffLinkState =
  | {
      status: 'open'
      tokenId: string
      justificationId: string
      signatoryId: string
      signatoryName: string
      stepLabel: string
      expiresAt: string
      /** The step's role and the expiry as an instant, for a page in another language than the policy's labels (issue 14). */
      stepRole?: SignatoryRole
      expiresOn?: string
    }
  | { status: 'decided'; by: string; at: string; outcome: string; decidedOn?: string | null }
  | { status: 'used' }
  | { status: 'withdrawn' }
  | { status: 'reassigned'; to: string }
  | { status: 'superseded' }
  | { status: 'changed' }
  | { status: 'expired'; canSendFresh: boolean }
  | { status: 'unknown' }
