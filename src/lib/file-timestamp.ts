// The time part of a downloaded file's name.

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-dd-hhmm` in the user's local time, so files sort by when they were made. */
export function fileTimestamp(at: Date): string {
  const date = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  return `${date}-${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}`;
}
