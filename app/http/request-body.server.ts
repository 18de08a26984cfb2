import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'

/**
 * The one place where actions read a request body. A browser's form always arrives as
 * `application/x-www-form-urlencoded` or `multipart/form-data`; anything else (JSON, plain text, no
 * content type, a multipart body whose boundary does not match) is a client's mistake, answered with
 * 415 or 400 and a message that says what was expected, never with a 500 from deep inside the action.
 */

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const

/** Answers the request with `status` and a plain message (thrown: Remix sends a thrown Response as is). */
export function refuse(status: 400 | 413 | 415, message: string): never {
  throw new Response(message, { status, statusText: STATUS_TEXT[status], headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
const STATUS_TEXT = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' } as const

/** The request's media type, without parameters, in lower case ('' when it has none). */
export function mediaType(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/** The submitted form of an ordinary (file-less) form. Throws a 400/415 Response for anything else. */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaType(request)
  if (!(FORM_TYPES as readonly string[]).includes(type)) {
    refuse(415, `This address takes a form (${FORM_TYPES.join(' or ')}); the request was ${type ? `"${type}"` : 'sent without a content type'}.`)
  }
  try {
    return await request.formData()
  } catch {
    refuse(400, 'The form could not be read: its body does not match its content type. Nothing was changed.')
  }
}

export type UploadForm = { ok: true; form: FormData } | { ok: false; reason: 'file-too-large' }

/**
 * The submitted form of a file upload, files held in memory up to `maxFileBytes` each. A file over
 * the limit is the person's mistake, not the client's: the route says so on its page, in its words.
 */
export async function readUploadForm(request: Request, { maxFileBytes }: { maxFileBytes: number }): Promise<UploadForm> {
  if (mediaType(request) !== 'multipart/form-data') {
    refuse(415, 'This form uploads a file: send it as multipart/form-data. Nothing was changed.')
  }
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes })) }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, reason: 'file-too-large' }
    }
    refuse(400, 'The upload could not be read: its body does not match its content type. Nothing was changed.')
  }
}
