import { strToU8, zipSync } from 'fflate'
import { minimalPdf } from './minimal-pdf'

/**
 * Small real files of the kinds people upload (and of the kinds SoleSource refuses), made in code so
 * that the tests carry no binary fixtures. Each has the bytes its format starts with and what a
 * sniffer looks at beyond them (an office file's [Content_Types].xml, as Word and Excel write it).
 */

const base64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

/** A 1×1 PNG. */
export const pngBytes = () => base64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=')
/** A 1×1 JPEG (JFIF). */
export const jpegBytes = () =>
  base64('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=')
/** A 1×1 GIF. */
export const gifBytes = () => base64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7')

export { minimalPdf }

const contentTypes = (override: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${override}</Types>`

const rels = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`

/** A Word document (.docx); with `macros`, the macro-enabled kind Word saves as .docm. */
export function wordDocumentBytes({ macros = false } = {}): Uint8Array {
  const main = macros ? 'application/vnd.ms-word.document.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypes(`<Override PartName="/word/document.xml" ContentType="${main}"/>`)),
    '_rels/.rels': strToU8(rels('word/document.xml')),
    'word/document.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Quote</w:t></w:r></w:p></w:body></w:document>'),
    ...(macros ? { 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) } : {}),
  })
}

/** An Excel workbook (.xlsx). */
export function excelWorkbookBytes(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypes('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>')),
    '_rels/.rels': strToU8(rels('xl/workbook.xml')),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Quote" sheetId="1"/></sheets></workbook>'),
  })
}

/** A plain zip archive of a text file. */
export const zipBytes = () => zipSync({ 'notes.txt': strToU8('not an office document') })

/**
 * The header sector of a Compound File Binary container (legacy .doc/.xls/.ppt, Outlook .msg), and a
 * directory sector naming its root entry; `withMacros` adds the entry of a VBA project, as Word 97
 * writes it for a document with macros (Macros/VBA/_VBA_PROJECT).
 */
export function compoundFileBytes({ withMacros = false } = {}): Uint8Array {
  const bytes = new Uint8Array(1536)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24) // minor/major version 3, little-endian, 512-byte sectors
  const entry = (offset: number, name: string) => {
    bytes.set(Buffer.from(name, 'utf16le'), offset)
    bytes.set([(name.length + 1) * 2, 0x00], offset + 64) // name length in bytes, with its terminating NUL
  }
  entry(512, 'Root Entry')
  if (withMacros) entry(512 + 128, '_VBA_PROJECT')
  return bytes
}

/** An e-mail as a mail client saves it (.eml). */
export const emailBytes = () =>
  strToU8(
    [
      'Return-Path: <sales@cryo.example>',
      'From: Cryo Instruments Sales <sales@cryo.example>',
      'To: rita.romano@cern.example',
      'Subject: Quote 2026-117 for two cold heads',
      'Date: Tue, 1 Dec 2026 09:12:00 +0100',
      'Message-ID: <q2026117@cryo.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Dear Ms Romano, please find our quote: 48 000 CHF.',
      '',
    ].join('\r\n'),
  )

export const htmlBytes = () => strToU8('<!DOCTYPE html>\n<html><head><title>Quote</title></head><body><script>alert(1)</script></body></html>\n')
export const svgBytes = () => strToU8('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n')

/** The start of a Linux program (ELF, 64-bit, little-endian). */
export function elfBytes(): Uint8Array {
  const bytes = new Uint8Array(64)
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])
  bytes.set([0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00], 16)
  return bytes
}

/** The start of a Windows program: an MZ header pointing at a PE signature. */
export function windowsProgramBytes(): Uint8Array {
  const bytes = new Uint8Array(512)
  bytes.set([0x4d, 0x5a])
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c)
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80)
  return bytes
}
