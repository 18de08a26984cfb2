/**
 * ATTACHMENT_STORE_URL, read in this one place (ADR 026). Two forms:
 *
 * - `s3+http://KEY:SECRET@host:port/bucket?region=us-east-1` (or `s3+https://`): an S3-compatible
 *   server (MinIO, Garage, Ceph, a cloud provider's endpoint), addressed path-style. KEY and SECRET
 *   are URL-encoded; left out, the AWS SDK's default chain provides them (AWS_ACCESS_KEY_ID, ...).
 *   The region defaults to us-east-1, which most such servers accept.
 * - `s3://bucket?region=eu-central-2`: Amazon S3 itself. Credentials and, if left out, the region come
 *   from the SDK's default chain (environment, profile, instance role); never from the URL.
 *
 * Problems are described without repeating the value: it may hold a secret.
 */
export type S3StoreLocation = {
  /** Unset for Amazon S3 (the SDK knows its endpoints). Never holds the credentials. */
  endpoint?: string
  bucket: string
  region?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
  forcePathStyle: boolean
}

export type ParsedStoreUrl = { ok: true; location: S3StoreLocation } | { ok: false; problem: string }

const FORMS = 'must be s3+http(s)://KEY:SECRET@host:port/bucket?region=... or s3://bucket?region=...'
// S3's rules for bucket names (the subset every S3-compatible server accepts).
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9-]{1,32}$/

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

export function parseStoreUrl(value: string): ParsedStoreUrl {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, problem: `is not a URL: it ${FORMS}` }
  }
  const problem = (text: string): ParsedStoreUrl => ({ ok: false, problem: text })

  const unknownParameters = [...url.searchParams.keys()].filter((name) => name !== 'region')
  if (unknownParameters.length > 0) return problem(`has an unknown parameter (${unknownParameters.join(', ')}): only region is read`)
  const region = url.searchParams.get('region') ?? undefined
  if (region !== undefined && !REGION.test(region)) return problem('has a region that is not a region name (such as us-east-1)')
  if (url.hash) return problem(`has a #fragment: it ${FORMS}`)

  if (url.protocol === 's3:') {
    if (url.username || url.password) return problem('s3:// takes its credentials from the AWS SDK (environment, profile or role), not from the URL; for explicit credentials use s3+https://KEY:SECRET@endpoint/bucket')
    if (url.port || (url.pathname !== '' && url.pathname !== '/')) return problem('s3:// names only a bucket: s3://bucket?region=...')
    if (!BUCKET_NAME.test(url.hostname)) return problem('names a bucket that is not a valid S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)')
    return { ok: true, location: { bucket: url.hostname, region, forcePathStyle: false } }
  }

  if (url.protocol !== 's3+http:' && url.protocol !== 's3+https:') return problem(FORMS)
  if (!url.hostname) return problem(`has no host: it ${FORMS}`)
  const segments = url.pathname.split('/').filter((segment) => segment !== '')
  if (segments.length !== 1) return problem('must name exactly one bucket as its path: s3+http(s)://KEY:SECRET@host:port/bucket')
  const bucket = decode(segments[0]!)
  if (!bucket || !BUCKET_NAME.test(bucket)) return problem('names a bucket that is not a valid S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)')

  let credentials: S3StoreLocation['credentials']
  if (url.username || url.password) {
    const accessKeyId = decode(url.username)
    const secretAccessKey = decode(url.password)
    if (!accessKeyId || !secretAccessKey) return problem('must give both the access key and the secret, URL-encoded, as KEY:SECRET@ (or neither, for the AWS SDK default chain)')
    credentials = { accessKeyId, secretAccessKey }
  }
  const scheme = url.protocol === 's3+https:' ? 'https' : 'http'
  const endpoint = `${scheme}://${url.host}`
  return { ok: true, location: { endpoint, bucket, region: region ?? 'us-east-1', credentials, forcePathStyle: true } }
}

/** Where the store is, for messages and logs: endpoint and bucket, never the credentials. */
export function describeStoreLocation(location: S3StoreLocation): string {
  return location.endpoint ? `${location.endpoint}/${location.bucket}` : `s3://${location.bucket}`
}
