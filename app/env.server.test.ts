import { describe, expect, test } from 'vitest'
import { InvalidEnvironmentError, parseEnv } from './env.server'

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
  ])('a wrong value stops start-up with a message naming the variable: %o', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvironmentError)
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid environment:\\n  ${variable} `))
  })

  test('an empty variable counts as unset, and APP_URL loses its trailing slash', () => {
    const env = parseEnv({ SMTP_URL: '', APP_URL: 'https://solesource.example.org/' })
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.APP_URL).toBe('https://solesource.example.org')
  })
})
