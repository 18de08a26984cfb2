import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { MessageCard, Notice } from '~/ui/notice'
import type { SignOffLinkState } from './sign-off-link-state'

// What a sign-off link's page says when it does not show the justification: a refusal for a link
// that no longer works, a request to sign in first, or the confirmation after a decision.

type Refused = Exclude<SignOffLinkState, { status: 'open' }>

/** The outcome the server names in English ('signed', …), as a message key (the page says it in its reader's language). */
const OUTCOME_KEYS = { signed: 'signed', rejected: 'rejected', 'sent back for changes': 'returned', closed: 'closed' } as const

export function useOutcome() {
  const { t } = useTranslation('signoff')
  return (outcome: string | undefined) => {
    const key = OUTCOME_KEYS[outcome as keyof typeof OUTCOME_KEYS]
    return key ? t(`outcomes.${key}`) : (outcome ?? '')
  }
}

function useRefusal() {
  const { t } = useTranslation('signoff')
  const { dateTime } = useFormats()
  const outcome = useOutcome()
  return (state: Refused): { title: string; body: string } => {
    switch (state.status) {
      case 'decided': {
        const at = state.decidedOn ? dateTime(state.decidedOn) : state.at
        const values = { outcome: outcome(state.outcome), by: state.by, at }
        return { title: t('refusals.decided.title'), body: at ? t('refusals.decided.bodyOn', values) : t('refusals.decided.body', values) }
      }
      case 'reassigned':
        return { title: t('refusals.reassigned.title'), body: t('refusals.reassigned.body', { to: state.to }) }
      default:
        return { title: t(`refusals.${state.status}.title`), body: t(`refusals.${state.status}.body`) }
    }
  }
}

/** Why this link does not work (any more); an expired one offers to email a fresh link. */
export function SignOffRefusal({ state, freshLinkRequested }: { state: SignOffLinkState; freshLinkRequested: boolean }) {
  const { t } = useTranslation('signoff')
  const describeRefusal = useRefusal()
  if (state.status === 'open') return null
  const { title, body } = describeRefusal(state)
  return (
    <MessageCard title={title} role="alert">
      <p>{body}</p>
      {state.status === 'expired' ? (
        freshLinkRequested ? (
          <Notice tone="success" role="status">
            {t('refusals.freshLinkOnItsWay')}
          </Notice>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="fresh-link">
              {t('refusals.emailMeAFreshLink')}
            </button>
          </Form>
        )
      ) : null}
      <p>
        <a href="/">{t('refusals.openSoleSource')}</a>
      </p>
    </MessageCard>
  )
}

/** In strict mode: the link works only for its addressee, signed in. */
export function SignInToDecide({ wrongPerson, signInUrl }: { wrongPerson: boolean; signInUrl: string }) {
  const { t } = useTranslation('signoff')
  return (
    <MessageCard title={t('signInToDecide.title')} role="alert">
      <p>{wrongPerson ? t('signInToDecide.wrongPerson') : t('signInToDecide.body')}</p>
      <a className="button" href={signInUrl}>
        {t('signInToDecide.signIn')}
      </a>
    </MessageCard>
  )
}

export function DecisionRecorded({ outcome, reference }: { outcome: string | undefined; reference: string | undefined }) {
  const { t } = useTranslation('signoff')
  const said = useOutcome()
  return (
    <MessageCard title={t('recorded.title', { outcome: said(outcome) })} role="status">
      <p>{reference ? t('recorded.bodyOn', { reference }) : t('recorded.body')}</p>
    </MessageCard>
  )
}

/** Whatever the link says now (it was just replaced), the person needs to hear what happens next. */
export function FreshLinkSent() {
  const { t } = useTranslation('signoff')
  return (
    <MessageCard title={t('freshLinkSent.title')} role="status">
      <p>{t('freshLinkSent.body')}</p>
    </MessageCard>
  )
}
