import { availableParallelism } from 'node:os'
import { describe, expect, test } from 'vitest'
import { databasePoolSize, InvalidEnvironmentError, parseEnv, workerCount } from './env.server'

describe('environment', () => {
  test('the embedded defaults need no variable at all', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, APP_URL: 'http://localhost:3000', DATA_DIR: 'data', NODE_ENV: 'development' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.SMTP_URL).toBeUndefined()
  })

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db', SESSION_SECRET: 'k'.repeat(40) }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DATABASE_URL: 'postgresql://db.example.org/solesource' }, 'SESSION_SECRET'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ ATTACHMENT_STORE_URL: 'https://s3.example.org/bucket' }, 'ATTACHMENT_STORE_URL'],
    [{ ATTACHMENT_STORE_URL: 's3+http://KEY:SECRET@127.0.0.1:4568' }, 'ATTACHMENT_STORE_URL'],
  ])('a wrong value stops start-up with a message naming the variable: %o', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvironmentError)
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid environment:\\n  ${variable} `))
  })

  test('an empty variable counts as unset, and APP_URL loses its trailing slash', () => {
    const env = parseEnv({ SMTP_URL: '', APP_URL: 'https://solesource.example.org/' })
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.APP_URL).toBe('https://solesource.example.org')
  })

  test('ATTACHMENT_STORE_URL: an S3-compatible server or an Amazon S3 bucket; a wrong one is described without its secret', () => {
    expect(parseEnv({}).ATTACHMENT_STORE_URL).toBeUndefined()
    expect(parseEnv({ ATTACHMENT_STORE_URL: 's3+http://KEY:SECRET@127.0.0.1:4568/solesource?region=us-east-1' }).ATTACHMENT_STORE_URL).toBe('s3+http://KEY:SECRET@127.0.0.1:4568/solesource?region=us-east-1')
    expect(parseEnv({ ATTACHMENT_STORE_URL: 's3://solesource-documents?region=eu-central-2' }).ATTACHMENT_STORE_URL).toBe('s3://solesource-documents?region=eu-central-2')
    expect(() => parseEnv({ ATTACHMENT_STORE_URL: 's3+http://KEY:TOPSECRET@127.0.0.1:4568/b?regoin=x' })).toThrow(/^Invalid environment:\n  ATTACHMENT_STORE_URL has an unknown parameter \(regoin\): only region is read$/)
  })
})

describe('workers and pool (issue 12, ADR 030)', () => {
  const secret = 'k'.repeat(40)
  test('one worker on the embedded database, one per core on a server, or as WEB_CONCURRENCY says', () => {
    expect(workerCount(parseEnv({}))).toBe(1)
    expect(workerCount(parseEnv({ DATABASE_URL: 'postgresql://db.example.org/solesource', SESSION_SECRET: secret }))).toBe(availableParallelism())
    expect(workerCount(parseEnv({ DATABASE_URL: 'postgresql://db.example.org/solesource', SESSION_SECRET: secret, WEB_CONCURRENCY: '3' }))).toBe(3)
    expect(workerCount(parseEnv({ WEB_CONCURRENCY: '1' }))).toBe(1)
  })

  test('more than one worker needs DATABASE_URL: the message says why', () => {
    expect(() => parseEnv({ WEB_CONCURRENCY: '2' })).toThrow(
      'Invalid environment:\n  WEB_CONCURRENCY is 2, but the embedded database can be opened by one process only: set DATABASE_URL to a PostgreSQL server, or leave WEB_CONCURRENCY unset',
    )
    expect(() => parseEnv({ WEB_CONCURRENCY: '0' })).toThrow(/^Invalid environment:\n {2}WEB_CONCURRENCY /)
  })

  test('DATABASE_POOL_SIZE: each process\'s connections, 4 unless set', () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(4)
    expect(databasePoolSize({})).toBe(4)
    expect(databasePoolSize({ DATABASE_POOL_SIZE: '12' })).toBe(12)
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/^Invalid environment:\n {2}DATABASE_POOL_SIZE /)
  })
})
