import { createHash } from 'node:crypto'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { mediaType, refusal } from '~/http/request-body.server'

/** A file part of an upload: on disk (unless it went over the limit), with its hash and size. */
export type ReceivedFile = {
  /** The form field it came in. */
  field: string
  /** The name the browser sent, unchecked (app/attachments/file-name.ts checks it). */
  fileName: string
  sizeBytes: number
  /** Null when the file went over the limit: its bytes were read and thrown away. */
  path: string | null
  /** Hex SHA-256 of the bytes (meaningless when over the limit). */
  sha256: string
  overLimit: boolean
}

export type ReceivedUpload = {
  /** The text fields, as parseForm takes them. */
  fields: FormData
  files: ReceivedFile[]
  /** Removes the temporary files. Always call it (in `finally`), whatever came of the upload. */
  cleanup: () => Promise<void>
}

/** Longest text field we keep: a form's select and hidden fields are tiny. */
const MAX_TEXT_FIELD_BYTES = 64 * 1024

class RequestTooLarge extends Error {}

/** The body, counted: once more than `maxBytes` have come, the stream fails (and the parser with it). */
function countedBody(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: { seen: boolean }) {
  let received = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength
        if (received > maxBytes) {
          tooLarge.seen = true
          controller.error(new RequestTooLarge())
          return
        }
        controller.enqueue(chunk)
      },
    }),
  )
}

/**
 * Reads a multipart/form-data upload as it streams in: each file part is written to a temporary file
 * (in a fresh directory) while its SHA-256 and size are computed, so no file is ever whole in memory.
 * A file over `maxFileBytes` stops being written (its temporary file is deleted) and comes back with
 * `overLimit`, but the rest of the body is still read and discarded, so the person gets the page that
 * says so rather than a reset connection. Only a body over `maxRequestBytes` altogether is answered
 * 413 at once. Anything but multipart is answered 415, an unreadable body 400 (thrown Responses).
 * A file input left empty (no file chosen) sends an unnamed empty part, which is not a file.
 */
export async function receiveUpload(request: Request, { maxFileBytes, maxRequestBytes }: { maxFileBytes: number; maxRequestBytes: number }): Promise<ReceivedUpload> {
  if (mediaType(request) !== 'multipart/form-data') throw await refusal(request, 415, 'uploadsNotMultipart')
  if (!request.body) throw await refusal(request, 400, 'uploadWithoutBody')
  const declaredLength = Number(request.headers.get('Content-Length') ?? NaN)
  if (declaredLength > maxRequestBytes) throw await tooLargeRefusal(request, maxRequestBytes)

  const dir = await mkdtemp(join(tmpdir(), 'solesource-upload-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  const files: ReceivedFile[] = []
  const fields = new FormData()
  const tooLarge = { seen: false }

  const handler: UploadHandler = async (part) => {
    if (part.filename === undefined) {
      fields.append(part.name, await readText(part.data, request))
      return undefined
    }
    files.push(await receiveFile(part.name, part.filename, part.data, join(dir, `part-${files.length}`), maxFileBytes))
    return undefined
  }

  try {
    const counted = new Request(request.url, { method: request.method, headers: request.headers, body: countedBody(request.body, maxRequestBytes, tooLarge), duplex: 'half' } as RequestInit)
    await unstable_parseMultipartFormData(counted, handler)
  } catch (error) {
    await cleanup()
    if (error instanceof Response) throw error
    if (tooLarge.seen) throw await tooLargeRefusal(request, maxRequestBytes)
    throw await refusal(request, 400, 'unreadableUpload')
  }
  // An empty, unnamed part is a file input with nothing chosen.
  return { fields, files: files.filter((file) => file.fileName !== '' || file.sizeBytes > 0), cleanup }
}

const tooLargeRefusal = (request: Request, maxRequestBytes: number) => refusal(request, 413, 'uploadTooLarge', { megabytes: Math.floor(maxRequestBytes / 1_000_000) })

async function readText(data: AsyncIterable<Uint8Array>, request: Request): Promise<string> {
  const pieces: Uint8Array[] = []
  let length = 0
  for await (const piece of data) {
    length += piece.byteLength
    if (length > MAX_TEXT_FIELD_BYTES) throw await refusal(request, 400, 'textFieldTooLong')
    pieces.push(piece)
  }
  return new TextDecoder().decode(Buffer.concat(pieces))
}

/** Writes one file part to `path`, hashing it; past `maxBytes`, deletes what was written and only drains the rest. */
async function receiveFile(field: string, fileName: string, data: AsyncIterable<Uint8Array>, path: string, maxBytes: number): Promise<ReceivedFile> {
  const hash = createHash('sha256')
  let sizeBytes = 0
  let handle: Awaited<ReturnType<typeof open>> | null = await open(path, 'wx')
  try {
    for await (const piece of data) {
      sizeBytes += piece.byteLength
      if (!handle) continue
      if (sizeBytes > maxBytes) {
        await handle.close()
        handle = null
        await rm(path, { force: true })
        continue
      }
      hash.update(piece)
      await handle.write(piece)
    }
  } finally {
    await handle?.close()
  }
  const overLimit = sizeBytes > maxBytes
  return { field, fileName, sizeBytes, path: overLimit ? null : path, sha256: hash.digest('hex'), overLimit }
}
