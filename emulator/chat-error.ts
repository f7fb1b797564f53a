// The errors the Chat thread API answers with, as one throwable type so handlers can bail out anywhere.

/**
 * The web SDK's numeric codes for the answers it tells apart; every other error carries its HTTP status
 * times 100 (40000, 40100, …), the emulator's own numbering, so that every envelope has an `error_code`.
 */
export const SDK_ERROR_CODES = {
  /** "already exists" in the web SDK's map (a 403 with 40003 or 40004). */
  alreadyExists: 40003,
  /** "no permission" in the web SDK's map (a 404 with 40012). */
  noPermission: 40012,
} as const;

export type ChatErrorStatus = 400 | 401 | 403 | 404 | 405 | 415 | 429 | 500;

export class ChatApiError extends Error {
  constructor(
    readonly status: ChatErrorStatus,
    readonly code: string,
    readonly description: string,
    // Java-style class names, because the real service is a Java backend and clients may log them.
    readonly exception: string,
    readonly errorCode: number = status * 100,
  ) {
    super(`${status} ${code}: ${description}`);
    this.name = 'ChatApiError';
  }
}

/** `[a, b]`: how the service lists users inside a description, which clients parse to learn who was refused. */
function userList(usernames: readonly string[]): string {
  return `[${usernames.join(', ')}]`;
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
  /** A well-formed token the service did not issue for this app: another App ID or certificate, or a lifetime over 24 h. */
  foreignToken: () =>
    new ChatApiError(401, 'auth_bad_access_token', 'Unable to authenticate.', 'EasemobSecurityException'),
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
      `users ${userList(usernames)} are not members of this group!`,
      'ForbiddenOpException',
    ),
  /** The create-thread wording for outsiders, with the users appended in the `forbidden_op` list form. */
  notInGroup: (usernames: readonly string[]) =>
    new ChatApiError(
      404,
      'group_error',
      `user not in group. ${userList(usernames)}`,
      'com.easemob.group.exception.GroupNotFoundException',
      SDK_ERROR_CODES.noPermission,
    ),
  alreadyMembers: (usernames: readonly string[]) =>
    new ChatApiError(
      403,
      'forbidden_op',
      `users ${userList(usernames)} are already members of this thread!`,
      'ForbiddenOpException',
      SDK_ERROR_CODES.alreadyExists,
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
  /** A base path that is neither `/{org}/{app}` nor `/app-id/{appId}` of this app. */
  applicationNotFound: (orgApp: string, uri: string) =>
    new ChatApiError(
      404,
      'organization_application_not_found',
      `Could not find application for ${orgApp} from URI: ${uri}`,
      'OrganizationApplicationNotFoundException',
    ),
  methodNotAllowed: () =>
    new ChatApiError(405, 'web_application', 'HTTP 405 Method Not Allowed', 'WebApplicationException'),
  unsupportedMediaType: () =>
    new ChatApiError(415, 'web_application', 'Unsupported Media Type', 'WebApplicationException'),
  rateLimited: () =>
    new ChatApiError(429, 'reach_limit', 'This request has reached api limit', 'ServiceUnavailableException'),
  internal: () =>
    new ChatApiError(500, 'internal_server_error', 'Internal Server Error', 'java.lang.RuntimeException'),
} as const;
