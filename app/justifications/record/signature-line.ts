// One line of a justification's signature block, as the page and the PDF state it. Client-safe.

export type SignatureChannel = 'link' | 'app' | 'not-recorded'

export type SignatureLine = {
  /** The role the step asks for, in the reader's language: "Group leader", "Chef de groupe", … (or the administrator's own label). */
  role: string
  /** Who decided the step, or who is (or was) asked to. */
  person: string
  /** "Signed", "Rejected", "Sent back for changes", "Awaiting signature", … in the reader's language. */
  outcome: string
  decided: boolean
  /** On the organisation's clock with its zone: "2 Dec 2026, 19:49 CET". */
  at: string | null
  channel: SignatureChannel | null
  comment: string | null
  /** How many supporting documents this signature covered (its audit event's list); null when not recorded. */
  coveredDocuments: number | null
  /** Why this person was asked, as the workflow stored it: a message (app/i18n/message.ts) or, written before, English text. */
  explanation: string | null
}
