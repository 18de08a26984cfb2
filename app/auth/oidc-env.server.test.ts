import { describe, expect, test } from 'vitest'
import { InvalidEnvironmentError, parseEnv } from '~/env.server'

// The single sign-on variables (ADR 048), checked at start-up like every other.
const oidc = { OIDC_ISSUER_URL: 'https://auth.example.org/realms/org', OIDC_CLIENT_ID: 'solesource', OIDC_CLIENT_SECRET: 'a-secret' }

describe('single sign-on variables', () => {
  test('none: email links only, as before', () => {
    const env = parseEnv({})
    expect(env.OIDC_ISSUER_URL).toBeUndefined()
    expect(env).toMatchObject({ SIGN_IN_EMAIL_LINKS: true, OIDC_EMAIL_CLAIM: 'email', OIDC_SCOPE: 'openid email profile' })
  })

  test('all three, with the email links on unless turned off', () => {
    expect(parseEnv(oidc)).toMatchObject({ ...oidc, SIGN_IN_EMAIL_LINKS: true })
    expect(parseEnv({ ...oidc, SIGN_IN_EMAIL_LINKS: 'false', OIDC_EMAIL_CLAIM: 'upn', OIDC_PROVIDER_NAME: 'CERN SSO' })).toMatchObject({ SIGN_IN_EMAIL_LINKS: false, OIDC_EMAIL_CLAIM: 'upn', OIDC_PROVIDER_NAME: 'CERN SSO' })
  })

  test('one or two of the three stop start-up, naming what is missing', () => {
    expect(() => parseEnv({ OIDC_ISSUER_URL: oidc.OIDC_ISSUER_URL })).toThrow(InvalidEnvironmentError)
    expect(() => parseEnv({ OIDC_ISSUER_URL: oidc.OIDC_ISSUER_URL, OIDC_CLIENT_ID: 'solesource' })).toThrow(
      'Invalid environment:\n  OIDC_CLIENT_SECRET is required with OIDC_ISSUER_URL and OIDC_CLIENT_ID (single sign-on takes all three, or none)',
    )
  })

  test('the issuer is HTTPS, but for this machine', () => {
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER_URL: 'http://auth.example.org' })).toThrow(/^Invalid environment:\n {2}OIDC_ISSUER_URL must be an https:\/\/ URL/)
    expect(parseEnv({ ...oidc, OIDC_ISSUER_URL: 'http://localhost:4000' }).OIDC_ISSUER_URL).toBe('http://localhost:4000')
    expect(parseEnv({ ...oidc, OIDC_ISSUER_URL: 'http://127.0.0.1:4000' }).OIDC_ISSUER_URL).toBe('http://127.0.0.1:4000')
  })

  test('email links off without single sign-on would let nobody in', () => {
    expect(() => parseEnv({ SIGN_IN_EMAIL_LINKS: 'false' })).toThrow(/^Invalid environment:\n {2}SIGN_IN_EMAIL_LINKS is false, but single sign-on is not configured/)
    expect(() => parseEnv({ ...oidc, OIDC_SCOPE: 'email profile' })).toThrow(/OIDC_SCOPE must include openid/)
  })
})
