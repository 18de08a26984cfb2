import * as z from 'zod/mini'
import { message } from '~/i18n/message'
import { ATTACHMENT_KINDS } from './attachment-kinds'

// The documents page's forms (client-safe): the upload form validates with AddDocumentsSchema in the
// browser, and the action parses both forms with DocumentsFormSchema. The files themselves are not
// form values here: the action streams them to disk (receiveUpload) and addAttachments judges them.

const rowVersion = z.coerce.number().check(z.int())

export const AddDocumentsSchema = z.object({
  intent: z.literal('add'),
  kind: z.enum(ATTACHMENT_KINDS, { error: message('forms:documents.kind') }),
  rowVersion,
})

export const RemoveDocumentSchema = z.object({
  intent: z.literal('remove'),
  attachmentId: z.uuid(),
  rowVersion,
})

export const DocumentsFormSchema = z.discriminatedUnion('intent', [AddDocumentsSchema, RemoveDocumentSchema])

/** The name of the file input (several files, one kind). */
export const FILES_FIELD = 'files'
