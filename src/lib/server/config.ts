import { z } from 'zod';

const booleanFlag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
	.transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
	DATABASE_URL: z.string().min(1).default('./data/naburig.db'),
	SMTP_URL: z
		.string()
		.regex(
			/^smtps?:\/\//,
			'must start with smtp:// or smtps://, e.g. smtp://user:pass@mail.example.org:587'
		)
		.optional(),
	MAIL_FROM: z.string().min(3).default('Naburig <buurt@naburig.local>'),
	/** The SMSC (SMPP 3.4); unset, SMS stay in the database and show on /mailbox. */
	SMS_URL: z
		.string()
		.regex(
			/^s?smpp:\/\/[^:@/]+:[^@/]*@[^:@/]+(:\d{1,5})?\/?$/,
			'must look like smpp://system_id:password@host:2775 (ssmpp:// for TLS)'
		)
		.optional(),
	/** Who SMS come from: a sender name registered with the provider, or a phone number. */
	SMS_FROM: z
		.string()
		.regex(
			/^(\+?\d{3,15}|(?=.*[A-Za-z])[A-Za-z0-9 .-]{1,11})$/,
			'must be a sender name of at most 11 letters and digits (e.g. Naburig) or a phone number such as +32470123456'
		)
		.default('Naburig'),
	PUBLIC_TILE_URL: z
		.string()
		.regex(
			/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/,
			'must be an http(s) URL with {z}, {x} and {y}'
		)
		.default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
	/** Unset: demo mode on a local trial site whose database was empty at first start. */
	DEMO: booleanFlag.optional(),
	ORIGIN: z.url().optional(),
	/** adapter-node's proxy setting; set without ORIGIN, the site is served through a proxy. */
	PROTOCOL_HEADER: z.string().optional(),
	/** How often the mail worker looks for due mail, in milliseconds. */
	OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
	/** Where resized tool photos are stored. */
	PHOTO_DIR: z.string().min(1).default('./data/photos'),
	/** Where the server keeps its online backups; `off` for none. */
	BACKUP_DIR: z.string().min(1).default('./data/backups'),
	/** How many daily, weekly and monthly backups to keep. */
	BACKUP_KEEP: z
		.string()
		.regex(/^\d+d,\d+w,\d+m$/, 'must look like 7d,4w,12m (daily, weekly, monthly backups kept)')
		.default('7d,4w,12m'),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	/** End-to-end tests only: lets /test/clock move time forward. Refused in production. */
	TEST_CLOCK: booleanFlag.optional(),
	NODE_ENV: z.string().optional()
});

function isLocalOrigin(origin: string | undefined): boolean {
	if (!origin) return false;
	const host = new URL(origin).hostname;
	return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export type Config = z.infer<typeof envSchema>;

/**
 * security: a site for real people (production build settings, a public address, or served
 * through a proxy) rather than someone trying it on their own machine. Such a site never
 * switches demo mode on by itself.
 */
export function isPublicSite(c: Pick<Config, 'NODE_ENV' | 'ORIGIN' | 'PROTOCOL_HEADER'>): boolean {
	if (c.NODE_ENV === 'production') return true;
	if (c.ORIGIN) return !isLocalOrigin(c.ORIGIN);
	return c.PROTOCOL_HEADER !== undefined;
}

/** Reads and validates the environment; exits with a clear message when a value is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	// An empty variable means "not set", as most people expect from `FOO= npm start`.
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = envSchema
		.superRefine((c, ctx) => {
			// A movable clock would let anyone skip deadlines: only on a local test server.
			if (c.TEST_CLOCK && (c.NODE_ENV === 'production' || !isLocalOrigin(c.ORIGIN)))
				ctx.addIssue({
					code: 'custom',
					path: ['TEST_CLOCK'],
					message:
						'is for end-to-end tests only; it needs ORIGIN on localhost and NODE_ENV other than production'
				});
		})
		.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		console.error(
			`Naburig cannot start: the environment has a wrong value.\n${lines.join('\n')}\nSee README.md, "Configuration".`
		);
		process.exit(1);
	}
	return parsed.data;
}

export const config = loadConfig();

/** The site's address for links in mail sent by background jobs (routes use event.url.origin). */
export function siteOrigin(): string {
	return (config.ORIGIN ?? `http://localhost:${process.env.PORT ?? 5173}`).replace(/\/$/, '');
}
