// Finds Chat app tokens and the App Certificate in text that must never hold them: responses, pages, logs.
// Shared by the e2e suite's scans; a pure module so the server's tests could use it too.

/**
 * An AccessToken2 is "007" followed by base64 of zlib-deflated data, and zlib's header encodes as "eJ":
 * the shape of every app token, whichever certificate or time minted it.
 */
const ACCESS_TOKEN2 = /007eJ[A-Za-z0-9+/=_-]{40,}/;

/** The texts (by label) that contain an app token or one of the given secret values. */
export function appTokenLeaks(
  texts: Iterable<readonly [label: string, text: string]>,
  secrets: readonly string[] = [],
): string[] {
  const leaks: string[] = [];
  for (const [label, text] of texts) {
    if (ACCESS_TOKEN2.test(text) || secrets.some((secret) => text.includes(secret))) leaks.push(label);
  }
  return leaks;
}
