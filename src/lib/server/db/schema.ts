import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Instants are stored as UTC milliseconds since the epoch (see conventions: "time is explicit"). */
const instant = (name: string) => integer(name, { mode: 'number' });

export const ROLES = ['resident', 'broker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['active', 'suspended', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const neighbourhoods = sqliteTable('neighbourhoods', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	/** GeoJSON Polygon or MultiPolygon geometry, as text. */
	boundary: text('boundary').notNull(),
	centreLat: real('centre_lat').notNull(),
	centreLon: real('centre_lon').notNull(),
	timeZone: text('time_zone').notNull().default('Europe/Brussels'),
	phoneDutyNumber: text('phone_duty_number').notNull().default(''),
	/** JSON array of { day: 1..7 (Monday = 1), from: "HH:MM", to: "HH:MM" }. */
	phoneDutyHours: text('phone_duty_hours').notNull().default('[]'),
	followUpDelayDays: integer('follow_up_delay_days').notNull().default(14),
	createdAt: instant('created_at').notNull()
});

export const streets = sqliteTable(
	'streets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		lat: real('lat').notNull(),
		lon: real('lon').notNull()
	},
	(t) => [uniqueIndex('streets_neighbourhood_name').on(t.neighbourhoodId, t.name)]
);

export const categories = sqliteTable('categories', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	/** JSON object of names per locale, e.g. {"nl":"Boodschappen","en":"Shopping"}; Dutch is the fallback. */
	names: text('names').notNull(),
	icon: text('icon').notNull().default('•'),
	sortOrder: integer('sort_order').notNull().default(0),
	active: integer('active', { mode: 'boolean' }).notNull().default(true)
});

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** Null for someone registered by a broker without e-mail, and after deletion. */
		email: text('email').unique(),
		emailVerifiedAt: instant('email_verified_at'),
		passwordHash: text('password_hash'),
		role: text('role', { enum: ROLES }).notNull().default('resident'),
		status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
		statusReason: text('status_reason'),
		displayName: text('display_name').notNull(),
		phone: text('phone'),
		locale: text('locale').notNull().default('nl'),
		/** JSON array of language codes the person speaks, e.g. ["nl","tr"]. */
		languages: text('languages').notNull().default('[]'),
		about: text('about').notNull().default(''),
		/** JSON array of day parts such as "mon-morning" when the person is usually free. */
		availability: text('availability').notNull().default('[]'),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id, {
			onDelete: 'set null'
		}),
		streetId: integer('street_id').references(() => streets.id, { onDelete: 'set null' }),
		/** Private: only the person, brokers, and later a matched helper see these. */
		houseNumber: text('house_number'),
		exactLat: real('exact_lat'),
		exactLon: real('exact_lon'),
		/** Public: the centre of the H3 cell around the exact point, never the point itself. */
		approxCell: text('approx_cell'),
		approxLat: real('approx_lat'),
		approxLon: real('approx_lon'),
		createdAt: instant('created_at').notNull(),
		deletedAt: instant('deleted_at')
	},
	(t) => [index('users_neighbourhood').on(t.neighbourhoodId), index('users_role').on(t.role)]
);

export const userCategories = sqliteTable(
	'user_categories',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		categoryId: integer('category_id')
			.notNull()
			.references(() => categories.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.categoryId] })]
);

export const neighbourhoodBrokers = sqliteTable(
	'neighbourhood_brokers',
	{
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.neighbourhoodId, t.userId] }), index('brokers_user').on(t.userId)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the secret half of the token; the token itself is never stored. */
		secretHash: text('secret_hash').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull(),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const EMAIL_TOKEN_PURPOSES = ['verify_email', 'reset_password', 'change_email'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Single-use links sent by e-mail. Only the SHA-256 of the token is stored. */
export const emailTokens = sqliteTable(
	'email_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
		/** The address being verified (for verify_email and change_email). */
		email: text('email'),
		createdAt: instant('created_at').notNull(),
		expiresAt: instant('expires_at').notNull(),
		usedAt: instant('used_at')
	},
	(t) => [index('email_tokens_user').on(t.userId, t.purpose)]
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The durable outbox: every e-mail is a row inserted in the same transaction as the change
 * that causes it, and the worker is the only code that talks to SMTP.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Stable Message-ID, so a resend after a crash can be recognised as the same mail. */
		messageId: text('message_id').notNull().unique(),
		toAddress: text('to_address').notNull(),
		toName: text('to_name'),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		locale: text('locale').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body').notNull(),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		/** The row is not tried before this instant (back-off). */
		nextAttemptAt: instant('next_attempt_at').notNull(),
		/** A claimed row belongs to one worker until this instant. */
		lockedUntil: instant('locked_until'),
		/** "smtp" or "mailbox" (kept in the database when no SMTP server is configured). */
		deliveredVia: text('delivered_via'),
		createdAt: instant('created_at').notNull(),
		sentAt: instant('sent_at')
	},
	(t) => [
		index('outbox_due').on(t.status, t.nextAttemptAt),
		index('outbox_user').on(t.userId)
	]
);

/** Small key/value facts about this installation, such as whether it was seeded with demo data. */
export const appSettings = sqliteTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** Who did what and when: broker and admin actions, and security events. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: instant('at').notNull(),
		actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id').notNull(),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id, {
			onDelete: 'set null'
		}),
		detail: text('detail').notNull().default('{}')
	},
	(t) => [index('audit_neighbourhood_at').on(t.neighbourhoodId, t.at)]
);

export type Neighbourhood = typeof neighbourhoods.$inferSelect;
export type Street = typeof streets.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
