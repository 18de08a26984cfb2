import { Form } from '@remix-run/react'
import { MessageCard, Notice } from '~/ui/notice'
import type { SignOffLinkState } from './sign-off-link-state'

// What a sign-off link's page says when it does not show the justification: a refusal for a link
// that no longer works, a request to sign in first, or the confirmation after a decision.

type Refused = Exclude<SignOffLinkState, { status: 'open' }>

const refusals: { [Status in Refused['status']]: (state: Extract<Refused, { status: Status }>) => { title: string; body: string } } = {
  decided: (s) => ({ title: 'This step is already decided', body: `It was ${s.outcome} by ${s.by}${s.at ? ` on ${s.at}` : ''}. Nothing was changed.` }),
  used: () => ({ title: 'This link was already used', body: 'Each sign-off link works once. Nothing was changed.' }),
  withdrawn: () => ({ title: 'This justification was withdrawn', body: 'The requester withdrew it: nothing is left to sign.' }),
  reassigned: (s) => ({ title: 'This signature is no longer yours to give', body: `The step was reassigned to ${s.to}. Nothing was changed.` }),
  superseded: () => ({ title: 'A newer link replaced this one', body: 'A reminder sent you a fresh link: use the one in the latest email.' }),
  changed: () => ({ title: 'This justification changed since the email', body: 'It was sent back for changes or resubmitted. If your signature is needed again, a new email will ask for it.' }),
  expired: () => ({ title: 'This link has expired', body: 'Sign-off links work for a limited time. The step is still waiting for you: ask for a fresh link below.' }),
  unknown: () => ({ title: 'This link is not valid', body: 'It may be incomplete: check that the whole link was copied from the email.' }),
}

function describeRefusal<State extends Refused>(state: State) {
  return (refusals[state.status] as (state: State) => { title: string; body: string })(state)
}

/** Why this link does not work (any more); an expired one offers to email a fresh link. */
export function SignOffRefusal({ state, freshLinkRequested }: { state: SignOffLinkState; freshLinkRequested: boolean }) {
  if (state.status === 'open') return null
  const { title, body } = describeRefusal(state)
  return (
    <MessageCard title={title} role="alert">
      <p>{body}</p>
      {state.status === 'expired' ? (
        freshLinkRequested ? (
          <Notice tone="success" role="status">
            If the step is still waiting for you, a fresh link is on its way to your inbox.
          </Notice>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="fresh-link">
              Email me a fresh link
            </button>
          </Form>
        )
      ) : null}
      <p>
        <a href="/">Open SoleSource</a>
      </p>
    </MessageCard>
  )
}

/** In strict mode: the link works only for its addressee, signed in. */
export function SignInToDecide({ wrongPerson, signInUrl }: { wrongPerson: boolean; signInUrl: string }) {
  return (
    <MessageCard title="Sign in to decide" role="alert">
      <p>
        {wrongPerson
          ? 'You are signed in as someone else. This organisation requires sign-off links to be used while signed in as the person they were sent to.'
          : 'This organisation requires sign-off links to be used while signed in as the person they were sent to. Sign in, and you come back here.'}
      </p>
      <a className="button" href={signInUrl}>
        Sign in
      </a>
    </MessageCard>
  )
}

export function DecisionRecorded({ outcome, reference }: { outcome: string | undefined; reference: string | undefined }) {
  return (
    <MessageCard title={<>Thank you: {outcome}</>} role="status">
      <p>Your decision is recorded{reference ? ` on ${reference}` : ''}, with the time and from where it was made. The requester is told by email.</p>
    </MessageCard>
  )
}

/** Whatever the link says now (it was just replaced), the person needs to hear what happens next. */
export function FreshLinkSent() {
  return (
    <MessageCard title="Check your inbox" role="status">
      <p>If the step is still waiting for you, a fresh link is on its way to your inbox. This one no longer works.</p>
    </MessageCard>
  )
}
