import { describe, expect, test } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { FILE_INPUT_ACCEPT, judgeFileType, looksLikeEmail } from './allowed-files'
import { emailBytes, htmlBytes } from '../../tests/support/sample-files'

const text = (value: string) => new TextEncoder().encode(value)

describe('the e-mail sniffer', () => {
  test('recognises a saved e-mail, also cut in the middle of its header, and with folded lines', () => {
    expect(looksLikeEmail(emailBytes())).toBe(true)
    expect(looksLikeEmail(emailBytes().subarray(0, 120))).toBe(true)
    expect(looksLikeEmail(text('Received: from mx.example\r\n\tby mail.example; Tue, 1 Dec 2026\r\nFrom: a@example.org\r\n\r\nHi'))).toBe(true)
    expect(looksLikeEmail(text('From sales@cryo.example Tue Dec  1 09:12:00 2026\nFrom: sales@cryo.example\nSubject: Quote\n\nHi'))).toBe(true)
  })

  test('refuses text that merely contains header-like lines, HTML, binary bytes and lone headers', () => {
    expect(looksLikeEmail(text('Dear supplier,\nFrom: me\nSubject: quote\n'))).toBe(false)
    expect(looksLikeEmail(htmlBytes())).toBe(false)
    expect(looksLikeEmail(text('From: a@example.org\nSubject: x\0\n\nbody'))).toBe(false)
    expect(looksLikeEmail(text('Subject: only one\n\nbody'))).toBe(false)
    expect(looksLikeEmail(text('Content-Type: text/html\nX-Other: 1\n\n<html>'))).toBe(false)
    expect(looksLikeEmail(text('  From: a@example.org\nSubject: x\n\n'))).toBe(false)
  })
})

describe('judging a sniffed type against the name', () => {
  test('accepts HEIC photos named .heic or .heif and TIFF as .tif or .tiff', () => {
    expect(judgeFileType('IMG_0042.HEIC', { ext: 'heic', mime: 'image/heic' })).toMatchObject({ ok: true, mediaType: 'image/heic' })
    expect(judgeFileType('IMG_0042.heif', { ext: 'heic', mime: 'image/heif' })).toMatchObject({ ok: true })
    expect(judgeFileType('scan.tif', { ext: 'tif', mime: 'image/tiff' })).toMatchObject({ ok: true, mediaType: 'image/tiff' })
    expect(judgeFileType('scan.tiff', { ext: 'tif', mime: 'image/tiff' })).toMatchObject({ ok: true })
    expect(judgeFileType('slides.odp', { ext: 'odp', mime: 'application/vnd.oasis.opendocument.presentation' })).toMatchObject({ ok: true })
  })

  test('refuses macro-enabled and unlisted types whatever they are called, and names without an extension', () => {
    const refusal = (verdict: ReturnType<typeof judgeFileType>) => (verdict.ok ? null : said.en(verdict.message))
    expect(refusal(judgeFileType('prices.xlsm', { ext: 'xlsm', mime: 'application/vnd.ms-excel.sheet.macroenabled.12' }))).toBe(
      'prices.xlsm is a macro-enabled Excel workbook (macros can run code: save it as .xlsx or PDF): SoleSource does not accept this type.',
    )
    expect(refusal(judgeFileType('slides.pptm', { ext: 'pptm', mime: 'x' }))).toMatch(/macro-enabled PowerPoint/)
    expect(refusal(judgeFileType('backup.rar', { ext: 'rar', mime: 'application/x-rar-compressed' }))).toMatch(/^backup\.rar is a RAR archive/)
    expect(refusal(judgeFileType('data.parquet', { ext: 'parquet', mime: 'x' }))).toBe('data.parquet is a .parquet file: SoleSource does not accept this type.')
    expect(refusal(judgeFileType('quote', { ext: 'pdf', mime: 'application/pdf' }))).toMatch(/^quote is really a PDF document, not what its name says: rename it \.pdf/)
    // In French, the type named inside the sentence is French too.
    const verdict = judgeFileType('prix.xlsm', { ext: 'xlsm', mime: 'x' })
    expect(verdict.ok ? null : said.fr(verdict.message)).toBe(
      'prix.xlsm est un classeur Excel avec macros (les macros peuvent exécuter du code : enregistrez-le en .xlsx ou en PDF) : SoleSource n’accepte pas ce type.',
    )
  })

  test('the file input offers exactly the accepted extensions', () => {
    expect(FILE_INPUT_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.png', '.jpg', '.jpeg', '.heic', '.docx', '.xlsx', '.pptx', '.odt', '.doc', '.xls', '.ppt', '.eml', '.msg']),
    )
    expect(FILE_INPUT_ACCEPT).not.toMatch(/\.(docm|xlsm|pptm|html|svg|zip|exe)\b/)
  })
})
