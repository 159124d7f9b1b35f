import { z } from 'zod'
import { DEFAULT_SEND_POLICY, type SendPolicy } from './domain/send-policy'

/** Empty strings in an env file mean "not set", so defaults apply instead of a confusing error. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const schema = z.object({
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  /** Where the HTTP server listens: loopback unless exposed on purpose (the simulator then needs SIMULATOR_TOKEN). */
  HTTP_HOST: optional(
    z.string().regex(/^[\w.:-]+$/, 'must be an address to listen on, such as 127.0.0.1 or 0.0.0.0'),
  ).default('127.0.0.1'),
  SIMULATOR_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  /** Number of reverse proxies in front whose X-Forwarded-For the server believes (true means 1). */
  TRUST_PROXY: optional(
    z
      .string()
      .regex(/^(true|false|[0-5])$/i, 'must be false, true, or the number of reverse proxies in front (0-5)')
      .transform((v) => (/^true$/i.test(v) ? 1 : /^false$/i.test(v) ? 0 : Number(v))),
  ).default(0),
  MONGODB_URI: optional(z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://')),
  WECHATY_PUPPET_SERVICE_TOKEN: optional(z.string().min(8, 'is too short to be a puppet service token')),
  WECHATY_PUPPET_SERVICE_ENDPOINT: optional(z.string().regex(/^[\w.-]+:\d+$/, 'must look like host:port')),
  ADMIN_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  BOT_TIMEZONE: optional(z.string().refine(isTimeZone, 'is not an IANA time zone such as Asia/Shanghai')).default(
    'Asia/Shanghai',
  ),
  BOT_NAME: optional(z.string().trim().min(1).max(32, 'must be at most 32 characters')).default('妇联助手'),
  DATA_DIR: optional(z.string()).default('./data'),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
  /** Wechaty's own log level: its info is chatty, our JSON logs say what an operator needs. */
  WECHATY_LOG: optional(z.enum(['silly', 'verbose', 'info', 'warn', 'error', 'silent'])).default('error'),
  /** The database `npm run simulate` uses, so that a scenario never touches the live one. */
  SIMULATE_DATABASE: optional(
    z.string().regex(/^[\w-]{1,60}$/, 'must be a database name such as fulian_simulate'),
  ).default('fulian_simulate'),
  BOT_QUIET_HOURS: optional(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 22:00-07:30'),
  ).default(`${DEFAULT_SEND_POLICY.quietStart}-${DEFAULT_SEND_POLICY.quietEnd}`),
  BOT_REST_DAYS: optional(
    z.string().regex(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/, 'must be dates like 2026-10-01,2026-10-02'),
  ).default(''),
  SEND_GAP_MS: optional(z.string().regex(/^\d+-\d+$/, 'must look like 3000-5000')).default(
    DEFAULT_SEND_POLICY.gapBetweenTargetsMs.join('-'),
  ),
  SEND_PER_MINUTE: optional(z.coerce.number().int().min(1).max(120)).default(DEFAULT_SEND_POLICY.perMinute),
  SEND_PER_DAY: optional(z.coerce.number().int().min(1).max(20_000)).default(DEFAULT_SEND_POLICY.perDay),
  /** How long the audit log (who read or exported personal records) is kept. */
  AUDIT_RETENTION_DAYS: optional(
    z.coerce.number().int().min(30, 'must be at least 30 days').max(3650, 'must be at most 3650 days (ten years)'),
  ).default(365),
  NOTICE_FOLLOW_UP_HOURS: optional(
    z.coerce
      .number()
      .min(0.1)
      .max(24 * 14),
  ).default(24),
})

export type Config = z.infer<typeof schema>

/** Every variable the bot reads; .env.example must list each (a unit test checks). */
export const CONFIG_KEYS = Object.keys(schema.shape)

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment variable ${variable}: ${detail}. Fix it in .env or the environment (see .env.example).`)
    this.name = 'ConfigError'
  }
}

/** The send policy the queue applies, from the configuration. */
export function sendPolicyOf(config: Config): SendPolicy {
  const [quietStart, quietEnd] = config.BOT_QUIET_HOURS.split('-') as [string, string]
  const [lo, hi] = config.SEND_GAP_MS.split('-').map(Number) as [number, number]
  return {
    minGapSameTargetMs: DEFAULT_SEND_POLICY.minGapSameTargetMs,
    gapBetweenTargetsMs: [Math.min(lo, hi), Math.max(lo, hi)] as const,
    perMinute: config.SEND_PER_MINUTE,
    perDay: config.SEND_PER_DAY,
    quietStart,
    quietEnd,
    restDays: new Set(config.BOT_REST_DAYS ? config.BOT_REST_DAYS.split(',') : []),
    tz: config.BOT_TIMEZONE,
  }
}

/** Parsed once at start-up; tests pass their own env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new ConfigError(String(issue.path[0] ?? 'unknown'), issue.message)
}
