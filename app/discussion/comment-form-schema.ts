import * as z from 'zod/mini'
import { message } from '~/i18n/message'

// The discussion's one form (the justification page's comment, the sign-off page's question),
// shared by the browser and the action. The limit keeps a comment a comment: the thread, the
// notification emails and the PDF record all carry it whole.

export const COMMENT_MAX_LENGTH = 4000

export const COMMENT_EMPTY = message('forms:comment.empty')

export const CommentFormSchema = z.object({
  body: z.pipe(
    z
      .string({ error: COMMENT_EMPTY })
      .check(
        z.trim(),
        z.minLength(1, COMMENT_EMPTY),
        z.maxLength(COMMENT_MAX_LENGTH, message('forms:comment.tooLong', { max: COMMENT_MAX_LENGTH })),
      ),
    // One spelling of "é" (composed), so a mention matches whatever keyboard wrote it.
    z.transform((body: string) => body.normalize('NFC')),
  ),
})

export type CommentFormInput = z.output<typeof CommentFormSchema>
