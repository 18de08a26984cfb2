import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { inspectReceivedFile, type FileInspection } from './inspect-file.server'

const saidOf = (inspection: FileInspection) => (inspection.ok ? inspection : { ...inspection, message: said.en(inspection.message) })
import * as sample from '../../tests/support/sample-files'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'solesource-inspect-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

let counter = 0
async function inspect(bytes: Uint8Array, name: string) {
  const path = join(dir, `received-${(counter += 1)}`)
  await writeFile(path, bytes)
  return inspectReceivedFile(path, name)
}

describe('inspecting a received file by its bytes', () => {
  test.each([
    ['quote.pdf', async () => sample.minimalPdf(), 'application/pdf'],
    ['photo.png', async () => sample.pngBytes(), 'image/png'],
    ['photo.jpg', async () => sample.jpegBytes(), 'image/jpeg'],
    ['photo.JPEG', async () => sample.jpegBytes(), 'image/jpeg'],
    ['scan.gif', async () => sample.gifBytes(), 'image/gif'],
    ['specification.docx', async () => sample.wordDocumentBytes(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['prices.xlsx', async () => sample.excelWorkbookBytes(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['old-letter.doc', async () => sample.compoundFileBytes(), 'application/msword'],
    ['old-prices.xls', async () => sample.compoundFileBytes(), 'application/vnd.ms-excel'],
    ['supplier-reply.msg', async () => sample.compoundFileBytes(), 'application/vnd.ms-outlook'],
    ['supplier-reply.eml', async () => sample.emailBytes(), 'message/rfc822'],
  ])('%s is accepted as %s', async (name, bytes, mediaType) => {
    expect(await inspect(await bytes(), name)).toEqual({ ok: true, mediaType })
  })

  test.each([
    ['quote.pdf', sample.htmlBytes, /web page \(HTML\)/],
    ['page.html', sample.htmlBytes, /web page \(HTML\)/],
    ['drawing.svg', sample.svgBytes, /SVG drawing/],
    ['tool.pdf', sample.elfBytes, /program/],
    ['setup.exe', sample.windowsProgramBytes, /Windows program/],
    ['documents.zip', sample.zipBytes, /zip archive/],
    ['specification.docm', () => sample.wordDocumentBytes({ macros: true }), /macro-enabled Word document/],
    ['specification.docx', () => sample.wordDocumentBytes({ macros: true }), /macro-enabled Word document/],
    ['old-letter.txt', sample.compoundFileBytes, /does not end in \.doc, \.xls, \.ppt or \.msg/],
    ['old-letter.doc', () => sample.compoundFileBytes({ withMacros: true }), /contains macros \(a VBA project\)/],
    ['notes.txt', () => new TextEncoder().encode('Just some notes.\n'), /cannot tell what kind of file/],
  ])('%s (%s) is refused', async (name, bytes, message) => {
    const verdict = await inspect(bytes(), name)
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && said.en(verdict.message)).toMatch(message)
    expect(!verdict.ok && said.en(verdict.message)).toContain(name)
  })

  test('a PNG named quote.pdf is refused, saying what it really is', async () => {
    expect(saidOf(await inspect(sample.pngBytes(), 'quote.pdf'))).toEqual({ ok: false, message: 'quote.pdf is really a PNG image, not what its name says: rename it .png (or choose the right file).' })
  })

  test('an empty file is refused as empty', async () => {
    expect(saidOf(await inspect(new Uint8Array(0), 'quote.pdf'))).toEqual({ ok: false, message: 'quote.pdf is empty (0 bytes): choose the file again, or the right one.' })
  })
})
