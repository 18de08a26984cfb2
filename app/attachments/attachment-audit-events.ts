import * as z from 'zod'
import { ATTACHMENT_KINDS } from './attachment-kinds'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/** A document as a submission or a signature covered it: enough to recognise the exact bytes. */
export const coveredDocument = z.object({
  attachmentId: z.string(),
  fileName: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  sizeBytes: z.number().int().min(0),
  sha256,
})
export type CoveredDocument = z.infer<typeof coveredDocument>

const via = z.enum(['app', 'link']).default('app')

// Audit events of supporting documents and of the discussion on a justification, registered in
// app/audit/events.ts. Their subject is "justification:<id>", like the workflow's: one timeline.
export const attachmentAuditEvents = {
  ATTACHMENT_ADDED: {
    label: 'Document added',
    schema: z.object({ attachmentId: z.string(), fileName: z.string(), kind: z.enum(ATTACHMENT_KINDS), sizeBytes: z.number().int().min(0), mediaType: z.string(), sha256 }),
  },
  ATTACHMENT_REMOVED: { label: 'Document removed', schema: z.object({ attachmentId: z.string(), fileName: z.string(), sha256 }) },
  DOCUMENT_DOWNLOADED: { label: 'Document downloaded', schema: z.object({ attachmentId: z.string(), fileName: z.string(), sha256, via }) },
  COMMENT_POSTED: {
    label: 'Comment',
    schema: z.object({
      body: z.string(),
      /** The people named with @ in the body, as they were resolved when it was posted. */
      mentions: z.array(z.object({ personId: z.string(), name: z.string() })).default([]),
      /** A signatory's question from the sign-off page: asked without deciding. */
      asSignatory: z.boolean().default(false),
      via,
    }),
  },
}
