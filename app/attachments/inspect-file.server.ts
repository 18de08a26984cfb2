import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { describeUnrecognisedText, judgeFileType, looksLikeEmail, type SniffedType } from './allowed-files'
import { message } from '~/i18n/message'

export type FileInspection = { ok: true; mediaType: string } | { ok: false; message: string }

/** The start of a file: enough for the e-mail and text sniffers (file-type reads what it needs itself). */
const HEAD_BYTES = 16 * 1024

async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const head = new Uint8Array(Math.min(size, HEAD_BYTES))
    await handle.read(head, 0, head.byteLength, 0)
    return { head, size }
  } finally {
    await handle.close()
  }
}

/**
 * What a received file (on disk, under the name it was uploaded with) really is, and whether we take
 * it: empty files are refused; otherwise `file-type` reads its bytes, our sniffers recognise e-mails
 * (which it cannot) and name web pages, SVG and scripts in the refusal, and judgeFileType decides.
 */
export async function inspectReceivedFile(path: string, name: string): Promise<FileInspection> {
  const { head, size } = await readHead(path)
  if (size === 0) return { ok: false, message: message('forms:documents.type.empty', { fileName: name }) }
  let sniffed: SniffedType = await fileTypeFromFile(path)
  if (!sniffed || sniffed.ext === 'xml') {
    sniffed = looksLikeEmail(head) ? { ext: 'eml', mime: 'message/rfc822' } : (describeUnrecognisedText(head) ?? sniffed)
  }
  if (sniffed?.ext === 'cfb' && (await containsVbaProject(path))) {
    return { ok: false, message: message('forms:documents.type.macros', { fileName: name }) }
  }
  const verdict = judgeFileType(name, sniffed)
  return verdict.ok ? { ok: true, mediaType: verdict.mediaType } : verdict
}

// A legacy Word or Excel file with macros keeps them in a storage whose directory entry names a
// "_VBA_PROJECT" stream; CFB writes entry names in UTF-16LE. (PowerPoint 97 keeps its VBA inside a
// compressed object and escapes this check: the download is served as an attachment, never run.)
const VBA_PROJECT = Buffer.from('_VBA_PROJECT', 'utf16le')

/** Does the file contain the UTF-16LE name "_VBA_PROJECT"? Read piece by piece, never whole. */
async function containsVbaProject(path: string): Promise<boolean> {
  let tail = Buffer.alloc(0)
  for await (const piece of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const window = Buffer.concat([tail, piece])
    if (window.includes(VBA_PROJECT)) return true
    tail = window.subarray(Math.max(0, window.byteLength - VBA_PROJECT.byteLength + 1))
  }
  return false
}
