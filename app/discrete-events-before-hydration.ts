/**
 * Keeps React from hydrating the page synchronously before Remix has its loader data.
 *
 * React 18 hydrates in a task scheduled after `hydrateRoot`. A click, a key press or typed text
 * arriving before then makes React hydrate the root at once, synchronously; Remix's root suspends
 * while it decodes the loader data from the page's stream (single fetch), a synchronous render
 * cannot suspend, and React gives up with its error #345 ("Root did not complete"): an uncaught
 * page error, and the page never takes over (seen now and then in CI; tests/e2e/
 * input-before-hydration.spec.ts reproduces it every time by holding React's scheduler back).
 *
 * Until the data is decoded, the events that make React hydrate synchronously (React's own list,
 * `isDiscreteEventThatRequiresHydration` in react-dom 18) stop at the window, before React's
 * listeners on the document see them. Their default actions still happen — a link still opens, a
 * form still submits as it does without JavaScript, typed text still lands in its field — and
 * React then hydrates on its own schedule. Once the data is decoded the listeners remove themselves.
 */
const EVENTS_THAT_MAKE_REACT_HYDRATE_AT_ONCE = [
  'mousedown', 'mouseup', 'touchcancel', 'touchend', 'touchstart', 'auxclick', 'dblclick',
  'pointercancel', 'pointerdown', 'pointerup', 'dragend', 'dragstart', 'drop', 'compositionend',
  'compositionstart', 'keydown', 'keypress', 'keyup', 'input', 'textInput', 'copy', 'cut', 'paste',
  'click', 'change', 'contextmenu', 'reset', 'submit',
] as const

type RemixWindow = Window & { __remixContext?: { state?: unknown } }

export function holdDiscreteEventsUntilLoaderDataIsDecoded(win: RemixWindow = window) {
  const loaderDataDecoded = () => win.__remixContext?.state !== undefined
  if (loaderDataDecoded()) return

  const options = { capture: true } as const
  const hold = (event: Event) => {
    if (!loaderDataDecoded()) {
      event.stopPropagation()
      return
    }
    for (const type of EVENTS_THAT_MAKE_REACT_HYDRATE_AT_ONCE) win.removeEventListener(type, hold, options)
  }
  for (const type of EVENTS_THAT_MAKE_REACT_HYDRATE_AT_ONCE) win.addEventListener(type, hold, options)
}
