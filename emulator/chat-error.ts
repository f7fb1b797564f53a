// The errors the Chat thread API answers with, as one throwable type so handlers can bail out anywhere.

export class ChatApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 415 | 429 | 500,
    readonly code: string,
    readonly description: string,
    // Java-style class names, because the real service is a Java backend and clients may log them.
    readonly exception: string,
  ) {
    super(`${status} ${code}: ${description}`);
    this.name = 'ChatApiError';
  }
}

export const chatErrors = {
  queryLimit: () =>
    new ChatApiError(
      400,
      'group_error',
      'query param reaches limit.',
      'com.easemob.group.exception.GroupLimitException',
    ),
  bodyLimit: () =>
    new ChatApiError(
      400,
      'group_error',
      'request body reaches limit.',
      'com.easemob.group.exception.GroupLimitException',
    ),
  threadNameLimit: () =>
    new ChatApiError(
      400,
      'group_error',
      'thread name limit reached.',
      'com.easemob.group.exception.GroupLimitException',
    ),
  jsonParse: () =>
    new ChatApiError(
      400,
      'json_parse',
      'Unexpected character.',
      'com.fasterxml.jackson.core.JsonParseException',
    ),
  invalidRequest: () =>
    new ChatApiError(
      400,
      'illegal_argument',
      'This is an invalid request.',
      'java.lang.IllegalArgumentException',
    ),
  unauthorized: () =>
    new ChatApiError(401, 'unauthorized', 'Unable to authenticate (OAuth)', 'EasemobSecurityException'),
  expiredToken: () =>
    new ChatApiError(
      401,
      'unauthorized',
      'Unable to authenticate due to expired access token',
      'EasemobSecurityException',
    ),
  corruptToken: () =>
    new ChatApiError(
      401,
      'auth_bad_access_token',
      'Unable to authenticate due to corrupt access token',
      'EasemobSecurityException',
    ),
  threadNotOpen: () =>
    new ChatApiError(
      403,
      'group_error',
      'thread not open.',
      'com.easemob.group.exception.GroupForbiddenException',
    ),
  userThreadLimit: () =>
    new ChatApiError(
      403,
      'group_error',
      'user join thread reach limit.',
      'com.easemob.group.exception.GroupLimitException',
    ),
  notGroupMembers: (usernames: readonly string[]) =>
    new ChatApiError(
      403,
      'forbidden_op',
      `users [${usernames.join(', ')}] are not members of this group!`,
      'ForbiddenOpException',
    ),
  threadNotFound: () =>
    new ChatApiError(
      404,
      'group_error',
      'thread not found.',
      'com.easemob.group.exception.GroupNotFoundException',
    ),
  resourceNotFound: () =>
    new ChatApiError(
      404,
      'service_resource_not_found',
      'Service resource not found',
      'UsergridServiceResourceNotFoundException',
    ),
  unsupportedMediaType: () =>
    new ChatApiError(415, 'web_application', 'Unsupported Media Type', 'WebApplicationException'),
  rateLimited: () =>
    new ChatApiError(429, 'reach_limit', 'This request has reached api limit', 'ServiceUnavailableException'),
  internal: () =>
    new ChatApiError(500, 'internal_server_error', 'Internal Server Error', 'java.lang.RuntimeException'),
} as const;
