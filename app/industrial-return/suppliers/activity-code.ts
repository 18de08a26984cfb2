/**
 * An activity code: a CPV code ("38000000" or "38000000-5") or another classification's, letters,
 * digits, dots and dashes. Its own module because the filing form checks it in the browser, which
 * should not download the supplier register's CSV reader with it.
 */
export const ACTIVITY_CODE = /^[A-Z0-9][A-Z0-9.-]{1,19}$/
