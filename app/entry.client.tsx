import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { holdDiscreteEventsUntilLoaderDataIsDecoded } from './discrete-events-before-hydration'

holdDiscreteEventsUntilLoaderDataIsDecoded()

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
