import * as z from 'zod'

// The discussion's one form (the justification page's comment, the sign-off page's question),
// shared by the browser and the action. The limit keeps a comment a comment: the thread, the
// notification emails and the PDF record all carry it whole.

export const COMMENT_MAX_LENGTH = 4000

const EMPTY = 'Write your comment before posting it.'

export const CommentFormSchema = z.object({
  body: z
    .string({ error: EMPTY })
    .trim()
    .min(1, EMPTY)
    .max(COMMENT_MAX_LENGTH, `A comment can have at most ${COMMENT_MAX_LENGTH} characters: shorten it, or say the rest in a second comment.`)
    // One spelling of "é" (composed), so a mention matches whatever keyboard wrote it.
    .transform((body) => body.normalize('NFC')),
})

export type CommentFormInput = z.output<typeof CommentFormSchema>
