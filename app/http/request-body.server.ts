import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'
import type { MessageValues } from '~/i18n/message'

/**
 * The one place where actions read a request body. A browser's form always arrives as
 * `application/x-www-form-urlencoded` or `multipart/form-data`; anything else (JSON, plain text, no
 * content type, a multipart body whose boundary does not match) is a client's mistake, answered with
 * 415 or 400 and a message that says what was expected, never with a 500 from deep inside the action.
 */

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const

/**
 * The answer to a request whose body cannot be read: `status` and a plain sentence (common:requestRefusals.*),
 * to be thrown. The sentence is written here, in the request's language, not carried as a message:
 * the same answer reaches a resource route (sent as is, to a client that reads text) and a page
 * (whose error page shows text that is not a message as it is). The body is read before the action
 * knows who asks, so the language is the client's own (cookie, Accept-Language) unless the caller
 * passes the person.
 */
export async function refusal(
  request: Request,
  status: 400 | 413 | 415,
  key: RequestRefusal,
  values?: MessageValues,
  person: { preferredLanguage: string | null } | null = null,
): Promise<Response> {
  const t = translatorFor(await languageOfRequest(request, person), 'common')
  return new Response(String(t(`requestRefusals.${key}`, values ?? {})), { status, statusText: STATUS_TEXT[status], headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
export type RequestRefusal =
  | 'notAForm'
  | 'notAFormUntyped'
  | 'unreadableForm'
  | 'uploadNotMultipart'
  | 'uploadsNotMultipart'
  | 'unreadableUpload'
  | 'uploadWithoutBody'
  | 'uploadTooLarge'
  | 'textFieldTooLong'
const STATUS_TEXT = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' } as const

/** The request's media type, without parameters, in lower case ('' when it has none). */
export function mediaType(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/** The submitted form of an ordinary (file-less) form. Throws a 400/415 Response for anything else. */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaType(request)
  if (!(FORM_TYPES as readonly string[]).includes(type)) {
    throw await refusal(request, 415, type ? 'notAForm' : 'notAFormUntyped', { received: type })
  }
  try {
    return await request.formData()
  } catch {
    throw await refusal(request, 400, 'unreadableForm')
  }
}

export type UploadForm = { ok: true; form: FormData } | { ok: false; reason: 'file-too-large' }

/**
 * The submitted form of a file upload, files held in memory up to `maxFileBytes` each. A file over
 * the limit is the person's mistake, not the client's: the route says so on its page, in its words.
 */
export async function readUploadForm(request: Request, { maxFileBytes }: { maxFileBytes: number }): Promise<UploadForm> {
  if (mediaType(request) !== 'multipart/form-data') {
    throw await refusal(request, 415, 'uploadNotMultipart')
  }
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes })) }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, reason: 'file-too-large' }
    }
    throw await refusal(request, 400, 'unreadableUpload')
  }
}
