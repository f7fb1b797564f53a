// Shared by the server and the dashboard. The server's own 504 carries this header when the Chat API did not
// answer within the server's timeout: the request already had its whole time, so the dashboard shows the
// error at once instead of waiting that long again for each retry.
export const UPSTREAM_TIMEOUT_HEADER = 'x-upstream-timeout';
