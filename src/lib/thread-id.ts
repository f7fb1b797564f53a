// What a thread id looks like: the Chat API's ids are numeric strings (15 digits in its samples). The dashboard
// asks for nothing else, so an address or entry that is not one is named as such rather than sent.

export const THREAD_ID_MAX_LENGTH = 64;

export const THREAD_ID = new RegExp(`^\\d{1,${THREAD_ID_MAX_LENGTH}}$`);

export function isThreadId(text: string): boolean {
  return THREAD_ID.test(text);
}
