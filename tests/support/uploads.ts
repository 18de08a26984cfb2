import { receiveUpload, type ReceivedUpload } from '~/attachments/receive-upload.server'

/** Sends files (and fields) through the real multipart reader, as the documents page's form does. */
export async function uploadOf(files: { name: string; bytes: Uint8Array }[], { maxFileBytes = 20_000_000, maxRequestBytes = 200_000_000 } = {}): Promise<ReceivedUpload> {
  const form = new FormData()
  for (const file of files) form.append('files', new File([file.bytes.slice()], file.name))
  return receiveUpload(new Request('http://localhost/upload', { method: 'POST', body: form }), { maxFileBytes, maxRequestBytes })
}
