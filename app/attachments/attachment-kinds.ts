/**
 * What a supporting document is for (the AttachmentKind enum of the schema). Client-safe: the upload
 * form's select, the lists and the record read these labels.
 */
export const ATTACHMENT_KINDS = ['QUOTE', 'MARKET_SURVEY', 'EXCLUSIVITY_LETTER', 'TECHNICAL_SPECIFICATION', 'OTHER'] as const

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  QUOTE: 'Supplier’s quote',
  MARKET_SURVEY: 'Market survey',
  EXCLUSIVITY_LETTER: 'Exclusivity or compatibility letter',
  TECHNICAL_SPECIFICATION: 'Technical specification',
  OTHER: 'Other document',
}
