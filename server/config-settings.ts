// Each setting of the environment on its own: its text checked and turned into its value, with a message that
// names the variable and never quotes a secret. Rules that join settings (which sign-in mode uses which, which
// backend, which credentials go together) are in config.ts.
import { z } from 'zod';
import {
  API_VARIANT_NAMES,
  API_VARIANT_SETTINGS,
  DEFAULT_API_VARIANTS,
  describeChoices,
  parseApiVariant,
  type ApiVariants,
} from '../emulator/api-variants.ts';
import type { LatencySetting } from '../emulator/latency.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

const DEFAULT_EMULATOR_RATE_LIMIT = 100;
const DEFAULT_PROXY_HEADER = 'X-Forwarded-Email';
const DEFAULT_SESSION_HOURS = 12;
const DEFAULT_AUDIT_RETENTION_DAYS = 365;

export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;
const CLIENT_CREDENTIAL = /^[A-Za-z0-9_-]{8,128}$/;
const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;

type Message = (got: string) => string;

/** Refuses the text with `message`; what a transform returns when it cannot make a value. */
function refuse(context: z.RefinementCtx<string>, message: string): never {
  context.issues.push({ code: 'custom', message, input: context.value });
  return z.NEVER;
}

/** A text that `test` accepts; `message` gets the text it refused. */
const checked = (test: (text: string) => boolean, message: Message) =>
  z.string().refine(test, { error: (issue) => message(String(issue.input)) });

/** A credential, unset or matching `pattern`; its message never quotes it. */
const secret = (pattern: RegExp, message: string) =>
  checked(
    (text) => pattern.test(text),
    () => message,
  ).optional();

const wholeNumber = (digits: number, min: number, max: number, message: Message) =>
  checked((text) => {
    const value = Number(text);
    return new RegExp(`^\\d{1,${digits}}$`).test(text) && value >= min && value <= max;
  }, message).transform(Number);

const port = (name: string, min: number) =>
  wholeNumber(5, min, 65535, (got) => `${name} must be an integer from ${min} to 65535 (got "${got}").`);

/** `npm run dev`'s own setting, read apart from the server's. */
export const DEV_PORT = port('DEV_PORT', 0).default(5173);

const atLeastOne = (digits: number, message: Message) => wholeNumber(digits, 1, Infinity, message);

/** One of `choices`, in any case. */
const oneOf = <Choice extends string>(choices: readonly Choice[], message: Message) =>
  checked((text) => choices.some((choice) => choice === text.toLowerCase()), message).transform(
    (text) => text.toLowerCase() as Choice,
  );

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Comma-separated IP addresses; `message` gets the first that is not one. */
const addressList = (message: Message) =>
  z.string().transform((text, context) => {
    const addresses = parseList(text);
    const malformed = addresses.find((address) => !ADDRESS.test(address));
    return malformed === undefined ? addresses : refuse(context, message(malformed));
  });

const chatHost = z.string().transform((text, context) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value is not echoed: an unparsable URL may hold credentials we cannot strip.
    return refuse(context, 'CHAT_HOST must be an http(s) URL such as https://a41.chat.agora.io.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(context, `CHAT_HOST must use http or https (got "${url.protocol}").`);
  }
  // The app token rides on every call: only a loopback host may be reached without TLS.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTNAMES.includes(url.hostname)) {
    return refuse(
      context,
      `CHAT_HOST must use https: the app token would travel unencrypted to ${url.hostname} (http is allowed only for localhost).`,
    );
  }
  // Userinfo would put a secret into every log line and error message that names the host.
  if (url.username !== '' || url.password !== '') {
    return refuse(context, 'CHAT_HOST must not contain a user name or password.');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return refuse(
      context,
      `CHAT_HOST must be a bare origin without path or query, e.g. https://a41.chat.agora.io (got "${text}"); ` +
        'org and app go in CHAT_ORG and CHAT_APP.',
    );
  }
  return url.origin;
});

const chatName = (name: string) =>
  checked(
    (text) => NAME_PATTERN.test(text),
    (got) => `${name} may contain only letters, digits, "_" and "-" (got "${got}").`,
  );

const latency = z.string().transform((text, context): LatencySetting | null => {
  if (text.toLowerCase() === 'realistic') return 'realistic';
  const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(text);
  if (match === null) {
    return refuse(
      context,
      `EMULATOR_LATENCY must be milliseconds, "MIN-MAX", "realistic" or "0" (got "${text}").`,
    );
  }
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) return refuse(context, `EMULATOR_LATENCY: MIN must not exceed MAX (got "${text}").`);
  return maxMs === 0 ? null : { minMs, maxMs };
});

/** The emulator's API variants, each from its own variable (EMULATOR_CURSOR, …), the defaults where unset. */
const VARIANTS = z
  .object(
    Object.fromEntries(
      API_VARIANT_NAMES.map((name) => {
        const { env } = API_VARIANT_SETTINGS[name];
        const setting = checked(
          (text) => parseApiVariant(name, text.toLowerCase()) !== null,
          (got) => `${env} must be ${describeChoices(name)} (got "${got}").`,
        ).transform((text) => text.toLowerCase());
        return [env, setting.optional()];
      }),
    ),
  )
  .transform((texts) => {
    const variants: ApiVariants = { ...DEFAULT_API_VARIANTS };
    for (const name of API_VARIANT_NAMES) {
      const value = texts[API_VARIANT_SETTINGS[name].env];
      if (value !== undefined) Object.assign(variants, { [name]: value });
    }
    return variants;
  });

const SETTINGS = z.object({
  HOST: checked(
    (text) => !/\s|\//.test(text),
    (got) => `HOST must be an interface address or host name (got "${got}").`,
  ).default('127.0.0.1'),
  PORT: port('PORT', 0).default(8080),
  ALLOWED_HOSTS: checked(
    (text) =>
      text.split(',').every((name) => /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name.trim().toLowerCase())),
    (got) => `ALLOWED_HOSTS must be a comma-separated list of host names (got "${got}").`,
  )
    .transform((text) => text.split(',').map((name) => name.trim().toLowerCase()))
    .optional(),
  AUDIT_RETENTION_DAYS: atLeastOne(
    5,
    (got) => `AUDIT_RETENTION_DAYS must be a whole number of days, at least 1 (got "${got}").`,
  ).default(DEFAULT_AUDIT_RETENTION_DAYS),
  CHAT_CALLS_PER_SECOND: atLeastOne(
    5,
    (got) =>
      `CHAT_CALLS_PER_SECOND must be a whole number of calls per second per endpoint, at least 1 (got "${got}").`,
  ).default(100),
  LOG_LEVEL: oneOf<LogLevel>(
    LOG_LEVELS,
    (got) => `LOG_LEVEL must be ${LOG_LEVELS.map((known) => `"${known}"`).join(', ')} (got "${got}").`,
  ).default('info'),

  AUTH_MODE: z
    .string()
    .transform((text) => text.toLowerCase())
    .pipe(
      z.enum(['none', 'proxy', 'password'], {
        error: (issue) => `AUTH_MODE must be "none", "proxy" or "password" (got "${String(issue.input)}").`,
      }),
    )
    .default('none'),
  AUTH_PROXY_HEADER: checked(
    (text) => /^[A-Za-z0-9-]{1,64}$/.test(text),
    (got) => `AUTH_PROXY_HEADER must be an HTTP header name such as X-Forwarded-Email (got "${got}").`,
  ).default(DEFAULT_PROXY_HEADER),
  AUTH_PROXY_ADDRESSES: addressList(
    (got) => `AUTH_PROXY_ADDRESSES must list IP addresses (got "${got}").`,
  ).default([]),
  MODERATORS: z
    .string()
    .transform((text) => parseList(text).map((name) => name.toLowerCase()))
    .default([]),
  SESSION_HOURS: atLeastOne(
    4,
    (got) => `SESSION_HOURS must be a whole number of hours, at least 1 (got "${got}").`,
  ).default(DEFAULT_SESSION_HOURS),
  TRUSTED_PROXIES: addressList(
    (got) =>
      `TRUSTED_PROXIES must list the IP addresses of your reverse proxies, comma-separated (got "${got}").`,
  ).default([]),

  CHAT_HOST: chatHost.optional(),
  CHAT_ORG: chatName('CHAT_ORG').optional(),
  CHAT_APP: chatName('CHAT_APP').optional(),
  // A space or control character would corrupt the Authorization header.
  CHAT_APP_TOKEN: secret(
    /^[\x21-\x7e]+$/,
    'CHAT_APP_TOKEN contains spaces or characters that cannot go into an HTTP header.',
  ),
  AGORA_APP_ID: secret(HEX32, 'AGORA_APP_ID must be 32 hexadecimal characters.'),
  AGORA_APP_CERTIFICATE: secret(HEX32, 'AGORA_APP_CERTIFICATE must be 32 hexadecimal characters.'),
  // Easemob's Client IDs and Secrets are URL-safe base64 (`YXA6…`); they travel in a JSON body.
  EASEMOB_CLIENT_ID: secret(
    CLIENT_CREDENTIAL,
    'EASEMOB_CLIENT_ID must be the Client ID from the Easemob console (letters, digits, _ and -).',
  ),
  EASEMOB_CLIENT_SECRET: secret(
    CLIENT_CREDENTIAL,
    'EASEMOB_CLIENT_SECRET must be the Client Secret from the Easemob console (letters, digits, _ and -).',
  ),

  EMULATOR_RATE_LIMIT: checked(
    (text) => /^(off|none)$/i.test(text) || /^\d{1,7}$/.test(text),
    (got) => `EMULATOR_RATE_LIMIT must be calls per second (a whole number), or "off" (got "${got}").`,
  )
    .transform((text) => (/^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null))
    .default(DEFAULT_EMULATOR_RATE_LIMIT),
  EMULATOR_LATENCY: latency.default(null),
  EMULATOR_FAULT_RATE: checked(
    (text) => /^\d*\.?\d+$/.test(text) && Number(text) <= 1,
    (got) => `EMULATOR_FAULT_RATE must be a number from 0 to 1 (got "${got}").`,
  )
    .transform(Number)
    .default(0),
  EMULATOR_CONTROL_PORT: z
    .string()
    .transform((text) => (/^(off|false|no)$/i.test(text) ? null : text))
    .pipe(port('EMULATOR_CONTROL_PORT (the port for the emulator with its control routes)', 1).nullable())
    .default(null),
});

export type Settings = z.infer<typeof SETTINGS> & { variants: ApiVariants };

/** Each setting's value, or the message of every malformed one. An empty value counts as unset. */
export function parseSettings(
  env: Readonly<Record<string, string | undefined>>,
): { settings: Settings } | { messages: string[] } {
  const texts = Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, value?.trim() === '' ? undefined : value?.trim()]),
  );
  const settings = SETTINGS.safeParse(texts);
  const variants = VARIANTS.safeParse(texts);
  if (settings.success && variants.success)
    return { settings: { ...settings.data, variants: variants.data } };
  return {
    messages: [...(settings.error?.issues ?? []), ...(variants.error?.issues ?? [])].map(
      (issue) => issue.message,
    ),
  };
}
