// html-to-text ships no types; it is what @react-email/render converts HTML to text with (installed
// with it). Only what render.server.ts uses.
declare module 'html-to-text' {
  export function compile(options?: object): (html: string) => string
}
