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
  /** How many supporting documents this signature covered (its audit event's list); null when not recorded. */
  coveredDocuments: number | null
}

export const channelLabels: Record<SignatureChannel, string> = {
  link: 'from the email link',
  app: 'in the app',
  'not-recorded': 'channel not recorded',
}

/** "Covered 2 documents and the text as submitted.", or null for a signature that recorded nothing covered. */
export function coveredText(line: Pick<SignatureLine, 'coveredDocuments'>): string | null {
  if (line.coveredDocuments === null) return null
  const documents = line.coveredDocuments === 0 ? 'no document' : line.coveredDocuments === 1 ? '1 document' : `${line.coveredDocuments} documents`
  return `Covered ${documents} and the text as submitted.`
}

/** What the signature block says when the chain is empty. */
export function noSignatureText(j: { status: string; approvedWithoutSignature: boolean }): string {
  if (j.approvedWithoutSignature) return 'No signature was needed at this amount.'
  return j.status === 'DRAFT' ? 'Decided when the justification is submitted.' : 'No signature was asked for.'
}
