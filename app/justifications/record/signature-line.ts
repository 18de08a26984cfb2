// One line of a justification's signature block, as the page and the PDF state it. Client-safe.

export type SignatureChannel = 'link' | 'app' | 'not-recorded'

export type SignatureLine = {
  /** The role the step asks for: "Group leader", "Department head", … */
  role: string
  /** Who decided the step, or who is (or was) asked to. */
  person: string
  /** "Signed", "Rejected", "Sent back for changes", "Awaiting signature", … */
  outcome: string
  decided: boolean
  /** On the organisation's clock with its zone: "2 Dec 2026, 19:49 CET". */
  at: string | null
  channel: SignatureChannel | null
  comment: string | null
}

export const channelLabels: Record<SignatureChannel, string> = {
  link: 'from the email link',
  app: 'in the app',
  'not-recorded': 'channel not recorded',
}

/** What the signature block says when the chain is empty. */
export function noSignatureText(j: { status: string; approvedWithoutSignature: boolean }): string {
  if (j.approvedWithoutSignature) return 'No signature was needed at this amount.'
  return j.status === 'DRAFT' ? 'Decided when the justification is submitted.' : 'No signature was asked for.'
}
