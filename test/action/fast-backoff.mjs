// Loaded with `node --import` into the Action's process by the fail-closed test only: every wait of a second or more
// (the retry backoff of 1, 4, 9, 16 and 25 s) lasts a thousandth of it, so the test sees the Action give up on
// GitHub as it would after a minute, in a few milliseconds.
const realSetTimeout = globalThis.setTimeout
globalThis.setTimeout = function setTimeout(callback, ms, ...args) {
  return realSetTimeout(callback, typeof ms === 'number' && ms >= 1000 ? ms / 1000 : ms, ...args)
}
