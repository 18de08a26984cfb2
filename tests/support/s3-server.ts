import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

export type TestS3Server = {
  /** An ATTACHMENT_STORE_URL for the server's bucket. */
  url: string
  bucket: string
  /** How many times an object was written (PutObject) under `key`, as the server saw it. */
  writesOf(key: string): number
  /** Stops the server and removes its directory; the URL then names a store that is down. */
  stop(): Promise<void>
}

/**
 * A real S3-compatible server (s3rver) on 127.0.0.1, on a port of its own, keeping objects in a
 * temporary directory, with one bucket already made. s3rver knows one account, S3RVER:S3RVER.
 */
export async function startS3Server({ bucket = 'solesource-test' }: { bucket?: string } = {}): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'solesource-s3rver-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket }] })
  const writes = new Map<string, number>()
  server.on('event', (event) => {
    for (const record of event.Records) {
      if (record.eventName.startsWith('ObjectCreated:')) writes.set(record.s3.object.key, (writes.get(record.s3.object.key) ?? 0) + 1)
    }
  })
  const { port } = await server.run()
  let stopped = false
  return {
    url: `s3+http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}?region=us-east-1`,
    bucket,
    writesOf: (key) => writes.get(key) ?? 0,
    async stop() {
      if (stopped) return
      stopped = true
      const closed = server.close()
      // The SDK keeps connections alive; close() would wait for them.
      server.httpServer?.closeAllConnections()
      await closed
      await rm(directory, { recursive: true, force: true })
    },
  }
}
