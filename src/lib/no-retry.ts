// Shared by the server and the dashboard. The server marks an error answer with this header when asking again
// cannot help: the Chat API already had the server's whole timeout, or the server cannot read its accounts
// file. The dashboard then shows the error at once instead of waiting on retries.
export const NO_RETRY_HEADER = 'x-no-retry';
