import { message } from '~/i18n/message'
import { pageError } from '~/ui/error-page'

/**
 * What the emailed-link routes answer when SIGN_IN_EMAIL_LINKS=false (ADR 048): no email is sent and
 * no link or code signs in, even one sent before the setting changed.
 */
export function emailSignInOff(): Response {
  return pageError(404, { title: message('auth:sso.emailOff.title'), message: message('auth:sso.emailOff.body'), back: '/sign-in' })
}
