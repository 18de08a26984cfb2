import { describe, expect, test } from 'vitest'
import { describeStoreLocation, parseStoreUrl } from './store-url'

describe('ATTACHMENT_STORE_URL', () => {
  test('an S3-compatible server: path-style endpoint, URL-encoded credentials, the region given', () => {
    expect(parseStoreUrl('s3+http://AKIA%2F1:s%40cr%3At@127.0.0.1:4568/solesource?region=eu-central-2')).toEqual({
      ok: true,
      location: { endpoint: 'http://127.0.0.1:4568', bucket: 'solesource', region: 'eu-central-2', credentials: { accessKeyId: 'AKIA/1', secretAccessKey: 's@cr:t' }, forcePathStyle: true },
    })
  })

  test('over https, with a trailing slash and no region (us-east-1), or without credentials (the SDK chain)', () => {
    expect(parseStoreUrl('s3+https://minio.example.org/documents/')).toEqual({
      ok: true,
      location: { endpoint: 'https://minio.example.org', bucket: 'documents', region: 'us-east-1', credentials: undefined, forcePathStyle: true },
    })
  })

  test('Amazon S3 by bucket: no endpoint, virtual-hosted, credentials never from the URL', () => {
    expect(parseStoreUrl('s3://solesource-documents?region=eu-central-2')).toEqual({
      ok: true,
      location: { bucket: 'solesource-documents', region: 'eu-central-2', forcePathStyle: false },
    })
    expect(parseStoreUrl('s3://solesource-documents')).toEqual({ ok: true, location: { bucket: 'solesource-documents', region: undefined, forcePathStyle: false } })
  })

  test.each([
    ['not a url', /is not a URL/],
    ['https://s3.example.org/bucket', /must be s3\+http\(s\):\/\//],
    ['s3+ftp://KEY:hunter2@host/bucket', /must be s3\+http\(s\):\/\//],
    ['s3+http://KEY:hunter2@127.0.0.1:4568', /exactly one bucket/],
    ['s3+http://KEY:hunter2@127.0.0.1:4568/bucket/folder', /exactly one bucket/],
    ['s3+http://KEY:hunter2@127.0.0.1:4568/Bucket_Name', /not a valid S3 bucket name/],
    ['s3+http://KEY:hunter2@127.0.0.1:4568/ab', /not a valid S3 bucket name/],
    ['s3+http://KEY@127.0.0.1:4568/bucket', /both the access key and the secret/],
    ['s3+http://:hunter2@127.0.0.1:4568/bucket', /both the access key and the secret/],
    ['s3+http://KEY:%E0%A4%A@127.0.0.1:4568/bucket', /both the access key and the secret/],
    ['s3+http://KEY:hunter2@127.0.0.1:4568/bucket?regoin=us-east-1', /unknown parameter \(regoin\)/],
    ['s3+http://KEY:hunter2@127.0.0.1:4568/bucket?region=US East', /not a region name/],
    ['s3://KEY:hunter2@bucket?region=us-east-1', /not from the URL/],
    ['s3://bucket/folder', /names only a bucket/],
    ['s3://bucket:9000', /names only a bucket/],
    ['s3://UPPER', /not a valid S3 bucket name/],
  ])('%s is refused: %s', (value, problem) => {
    const parsed = parseStoreUrl(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.problem).toMatch(problem)
      expect(parsed.problem).not.toContain('hunter2')
    }
  })

  test('messages and logs name the endpoint and bucket, never the credentials', () => {
    const parsed = parseStoreUrl('s3+https://KEY:SECRET@minio.example.org:9000/documents')
    expect(parsed.ok && describeStoreLocation(parsed.location)).toBe('https://minio.example.org:9000/documents')
    const aws = parseStoreUrl('s3://documents.example?region=eu-central-2')
    expect(aws.ok && describeStoreLocation(aws.location)).toBe('s3://documents.example')
  })
})
