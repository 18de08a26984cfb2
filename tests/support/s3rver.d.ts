// s3rver ships no types; this declares the part tests/support/s3-server.ts uses (read from lib/s3rver.js).
declare module 's3rver' {
  import type { Server } from 'node:http'
  import type { AddressInfo } from 'node:net'

  type S3Event = { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }

  export default class S3rver {
    constructor(options: {
      address?: string
      port?: number
      directory?: string
      silent?: boolean
      resetOnClose?: boolean
      vhostBuckets?: boolean
      configureBuckets?: { name: string }[]
    })
    httpServer?: Server
    run(): Promise<AddressInfo>
    close(): Promise<void>
    on(event: 'event', listener: (event: S3Event) => void): this
  }
}
