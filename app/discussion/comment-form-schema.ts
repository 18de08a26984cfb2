import * as z from 'zod/mini'

// The discussion's one form (the justification page's comment, the sign-off page's question),
// shared by the browser and the action. The limit keeps a comment a comment: the thread, the
// notification emails and the PDF record all carry it whole.

export const COMMENT_MAX_LENGTH = 4000

const EMPTY = 'Write your comment before posting it.'

export const CommentFormSchema = z.object({
  body: z.pipe(
    z
      .string({ error: EMPTY })
      .check(
        z.trim(),
        z.minLength(1, EMPTY),
        z.maxLength(COMMENT_MAX_LENGTH, `A comment can have at most ${COMMENT_MAX_LENGTH} characters: shorten it, or say the rest in a second comment.`),
      ),
    // One spelling of "é" (composed), so a mention matches whatever keyboard wrote it.
    z.transform((body: string) => body.normalize('NFC')),
  ),
})

export type CommentFormInput = z.output<typeof CommentFormSchema>
