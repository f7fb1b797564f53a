// What thread and group ids look like: the Chat API's ids are numeric strings (15 digits in its samples). The
// dashboard asks for nothing else, so an address or entry that is not one is named as such rather than sent.

export const CHAT_ID_MAX_LENGTH = 64;

const CHAT_ID = new RegExp(`^\\d{1,${CHAT_ID_MAX_LENGTH}}$`);

export function isThreadId(text: string): boolean {
  return CHAT_ID.test(text);
}

export function isGroupId(text: string): boolean {
  return CHAT_ID.test(text);
}
