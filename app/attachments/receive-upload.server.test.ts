import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { describe, expect, test } from 'vitest'
import { inspectReceivedFile } from './inspect-file.server'
import { receiveUpload } from './receive-upload.server'
import { minimalPdf, pngBytes } from '../../tests/support/sample-files'

const MB = 1_000_000
const limits = { maxFileBytes: 1 * MB, maxRequestBytes: 3 * MB }
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function uploadRequest(form: FormData) {
  return new Request('http://localhost/justifications/x/documents', { method: 'POST', body: form })
}

async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a Response to be thrown')
}

describe('receiving a multipart upload', () => {
  test('text fields come back, each file is on disk with its size and SHA-256, and cleanup removes them', async () => {
    const pdf = await minimalPdf()
    const png = pngBytes()
    const form = new FormData()
    form.append('intent', 'add')
    form.append('kind', 'QUOTE')
    form.append('files', new File([pdf.slice()], 'quote.pdf', { type: 'application/pdf' }))
    form.append('files', new File([png.slice()], 'photo.png', { type: 'image/png' }))
    const upload = await receiveUpload(uploadRequest(form), limits)
    try {
      expect(upload.fields.get('intent')).toBe('add')
      expect(upload.fields.get('kind')).toBe('QUOTE')
      expect(upload.files.map(({ field, fileName, sizeBytes, sha256, overLimit }) => ({ field, fileName, sizeBytes, sha256, overLimit }))).toEqual([
        { field: 'files', fileName: 'quote.pdf', sizeBytes: pdf.byteLength, sha256: sha256(pdf), overLimit: false },
        { field: 'files', fileName: 'photo.png', sizeBytes: png.byteLength, sha256: sha256(png), overLimit: false },
      ])
      expect(new Uint8Array(await readFile(upload.files[0]!.path!))).toEqual(pdf)
    } finally {
      await upload.cleanup()
    }
    expect(existsSync(dirname(upload.files[0]!.path!))).toBe(false)
  })

  test('a file over the limit is dropped but reported, and the fields after it are still read', async () => {
    const form = new FormData()
    form.append('files', new File([new Uint8Array(limits.maxFileBytes + 1)], 'huge.pdf'))
    form.append('files', new File([pngBytes()], 'photo.png'))
    form.append('kind', 'OTHER')
    const upload = await receiveUpload(uploadRequest(form), limits)
    try {
      expect(upload.files.map(({ fileName, sizeBytes, path, overLimit }) => ({ fileName, sizeBytes, onDisk: path !== null && existsSync(path), overLimit }))).toEqual([
        { fileName: 'huge.pdf', sizeBytes: limits.maxFileBytes + 1, onDisk: false, overLimit: true },
        { fileName: 'photo.png', sizeBytes: pngBytes().byteLength, onDisk: true, overLimit: false },
      ])
      expect(upload.fields.get('kind')).toBe('OTHER')
    } finally {
      await upload.cleanup()
    }
  })

  test('a file input left empty is not a file', async () => {
    const form = new FormData()
    form.append('files', new File([], ''))
    form.append('kind', 'QUOTE')
    const upload = await receiveUpload(uploadRequest(form), limits)
    await upload.cleanup()
    expect(upload.files).toEqual([])
  })

  test('a body over the hard cap is answered 413, one that is not multipart 415, one without a boundary 400', async () => {
    const form = new FormData()
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']) form.append('files', new File([new Uint8Array(900_000)], name))
    const tooLarge = await thrownResponse(receiveUpload(uploadRequest(form), limits))
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.text()).toMatch(/larger than SoleSource takes in one go \(3 MB\)\. Nothing was stored/)

    const json = await thrownResponse(receiveUpload(new Request('http://localhost/', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }), limits))
    expect(json.status).toBe(415)

    const withoutBoundary = new Request('http://localhost/', { method: 'POST', body: 'garbage', headers: { 'Content-Type': 'multipart/form-data' } })
    expect((await thrownResponse(receiveUpload(withoutBoundary, limits))).status).toBe(400)

    // A body that never reaches its boundary has no parts: the form then says that no file was chosen.
    const unmatched = await receiveUpload(new Request('http://localhost/', { method: 'POST', body: 'garbage', headers: { 'Content-Type': 'multipart/form-data; boundary=nothing-here' } }), limits)
    await unmatched.cleanup()
    expect(unmatched.files).toEqual([])
  })

  test('its refusals are written in the client’s language (a French Accept-Language here)', async () => {
    const french = { 'Accept-Language': 'fr' }
    const form = new FormData()
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']) form.append('files', new File([new Uint8Array(900_000)], name))
    const big = new Request('http://localhost/', { method: 'POST', body: form })
    const tooLarge = await thrownResponse(receiveUpload(new Request(big, { headers: { ...Object.fromEntries(big.headers), ...french } }), limits))
    expect([tooLarge.status, await tooLarge.text()]).toEqual([
      413,
      'Cet envoi dépasse ce que SoleSource accepte en une fois (3\u00a0Mo). Rien n’a été enregistré\u00a0: revenez en arrière et envoyez moins de fichiers, ou des fichiers plus petits.',
    ])
    const json = await thrownResponse(receiveUpload(new Request('http://localhost/', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', ...french } }), limits))
    expect([json.status, await json.text()]).toEqual([415, 'Ce formulaire envoie des fichiers\u00a0: envoyez-les en multipart/form-data. Rien n’a été modifié.'])
  })
})

describe('a 100 MB upload (streamed in, in-process)', () => {
  test('is written to disk and hashed without the process holding it in memory', async () => {
    const size = 100 * MB
    const boundary = 'solesource-memory-test'
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nQUOTE\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="survey.pdf"\r\nContent-Type: application/pdf\r\n\r\n`)
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`)
    // A real PDF's start, then filler: 100 MB made piece by piece, so the test never holds it either.
    const pdf = await minimalPdf()
    const piece = new Uint8Array(256 * 1024).fill(0x20)
    const expected = createHash('sha256').update(pdf)
    let sent = pdf.byteLength
    let peakRss = 0
    const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss))
    globalThis.gc?.()
    const baselineRss = process.memoryUsage().rss
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head)
        controller.enqueue(pdf)
      },
      pull(controller) {
        sample()
        if (sent >= size) {
          controller.enqueue(tail)
          return controller.close()
        }
        const next = piece.subarray(0, Math.min(piece.byteLength, size - sent))
        expected.update(next)
        sent += next.byteLength
        controller.enqueue(next.slice())
      },
    })
    const request = new Request('http://localhost/', { method: 'POST', body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, duplex: 'half' } as RequestInit)
    const upload = await receiveUpload(request, { maxFileBytes: 101 * MB, maxRequestBytes: 102 * MB })
    try {
      sample()
      const [file] = upload.files
      expect(file).toMatchObject({ fileName: 'survey.pdf', sizeBytes: size, sha256: expected.digest('hex'), overLimit: false })
      expect(await inspectReceivedFile(file!.path!, file!.fileName)).toEqual({ ok: true, mediaType: 'application/pdf' })
      sample()
    } finally {
      await upload.cleanup()
    }
    expect(peakRss - baselineRss).toBeLessThan(64 * 1024 * 1024)
  })
})
