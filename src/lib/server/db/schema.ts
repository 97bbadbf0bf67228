import {
	type AnySQLiteColumn,
	blob,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { FOLLOW_UP_CONTINUATIONS, FOLLOW_UP_OUTCOMES } from '../../followup';
import { MODERATION_POLICIES } from '../../moderation';
import { DAY_PARTS } from '../../day-parts';
import { SIGNAL_CONSENTS, SIGNAL_KINDS, SIGNAL_STATUSES, SIGNAL_THEMES } from '../../signals/kinds';
import {
	PARTNER_CONTACT_WAYS,
	PARTNER_REFERRAL_STATUSES,
	REFERRAL_CHECK_ANSWERS,
	REFERRAL_CHECK_STATUSES
} from '../../backoffice/lists';
import { CONTACT_WAYS } from '../../intake/contact';
import {
	CALL_OUTCOMES,
	DEFAULT_OFFER_HOURS,
	ESCALATION_REASONS,
	INVITE_WAYS,
	OPEN_SLOT_WAYS,
	PLAN_REPEATS
} from '../../circles/lists';
import { BADGE_KINDS } from '../../trust/badge-kinds';
import {
	ALERT_RHYTHMS,
	CALENDAR_FEED_KINDS,
	CHANNELS,
	CHOOSABLE_CHANNELS,
	CHOOSABLE_TOPICS,
	DEFAULT_QUIET_FROM_MINUTE,
	DEFAULT_QUIET_UNTIL_MINUTE,
	TOPICS
} from '../../notify/channels';
import { PLACE_TYPES, POST_KINDS, WHEN_TYPES } from '../../posts/choices';
import {
	MATCH_STATUSES,
	POST_STATUSES,
	PROPOSAL_STATUSES,
	RESPONSE_STATUSES
} from '../../posts/statuses';
import {
	ACCEPTANCE_METHODS,
	DEPOSIT_OUTCOMES,
	DEPOSIT_WAIVER_REASONS,
	LOAN_STATUSES,
	TOOL_CONDITIONS,
	TOOL_STATUSES
} from '../../lending/lists';
import { NEIGHBOURHOOD_DEFAULTS as DEFAULTS } from '../../neighbourhood-defaults';
import {
	EXPENSE_STATUSES,
	GATHERING_AUDIENCES,
	GATHERING_KINDS,
	SIGNUP_STATUSES,
	STOP_REASONS,
	THANKS_KINDS
} from '../../volunteers/lists';

/** Instants are stored as UTC milliseconds since the epoch (see conventions: "time is explicit"). */
const instant = (name: string) => integer(name, { mode: 'number' });

/**
 * A person's role. `partner` (issue 21): a social worker, nurse, GP practice or school on the
 * neighbourhood's social map who refers residents in (`partner_links`); `steering`: a member of a
 * steering group or funder who reads reports and signal bundles (`steering_links`). Both need the
 * second factor.
 */
export const ROLES = ['resident', 'broker', 'admin', 'partner', 'steering'] as const;
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
	timeZone: text('time_zone').notNull().default(DEFAULTS.timeZone),
	phoneDutyNumber: text('phone_duty_number').notNull().default(''),
	/** JSON array of { day: 1..7 (Monday = 1), from: "HH:MM", to: "HH:MM" }. */
	phoneDutyHours: text('phone_duty_hours').notNull().default('[]'),
	followUpDelayDays: integer('follow_up_delay_days').notNull().default(DEFAULTS.followUpDelayDays),
	/** A certificate of good conduct (VOG, model 2 extract) counts this many years from its issue date. */
	certificateValidityYears: integer('certificate_validity_years')
		.notNull()
		.default(DEFAULTS.certificateValidityYears),
	/** Requests leave the list after this many days unless the poster says "still needed". */
	requestExpiryDays: integer('request_expiry_days').notNull().default(DEFAULTS.requestExpiryDays),
	/** Lending: active reservations and loans one borrower may have at once. */
	lendingMaxActive: integer('lending_max_active').notNull().default(DEFAULTS.lendingMaxActive),
	/** Lending: free days kept between two bookings of a tool, for checking and cleaning. */
	lendingBufferDays: integer('lending_buffer_days').notNull().default(DEFAULTS.lendingBufferDays),
	/** Whose new posts wait for a broker's check: everyone, people without a trust badge, or nobody. */
	moderation: text('moderation', { enum: MODERATION_POLICIES })
		.notNull()
		.default(DEFAULTS.moderation),
	/** A published request with no response after this many days shows on the broker's Today. */
	noResponseDays: integer('no_response_days').notNull().default(DEFAULTS.noResponseDays),
	/** Helpers must accept the current volunteer agreement before a proposal or a response. */
	volunteerAgreementRequired: integer('volunteer_agreement_required', { mode: 'boolean' })
		.notNull()
		.default(DEFAULTS.volunteerAgreementRequired),
	/** Above this many running matches a helper is "busy": suggestions say so, proposing needs a confirm. */
	helperMatchLimit: integer('helper_match_limit').notNull().default(DEFAULTS.helperMatchLimit),
	/** Today lists helpers the broker has not been in touch with for this many weeks. */
	volunteerContactWeeks: integer('volunteer_contact_weeks')
		.notNull()
		.default(DEFAULTS.volunteerContactWeeks),
	/**
	 * Numbers the signal form shows when someone is in danger now, after 112 (seed 003 fiche 7):
	 * JSON array of { label, phone }, e.g. Belgium's 1712 or Veilig Thuis 0800-2000.
	 */
	urgentNumbers: text('urgent_numbers').notNull().default('[]'),
	/** A referral is followed by a check with the resident after this many days (seed 004 §3.2). */
	referralCheckDays: integer('referral_check_days').notNull().default(DEFAULTS.referralCheckDays),
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
		/** Where the exact point came from: the chosen street's point, or a pin the person placed. */
		placeSource: text('place_source', { enum: ['street', 'pin'] }),
		exactLat: real('exact_lat'),
		exactLon: real('exact_lon'),
		/** Public: the centre of the H3 cell around the exact point, never the point itself. */
		approxCell: text('approx_cell'),
		approxLat: real('approx_lat'),
		approxLon: real('approx_lon'),
		/** For people registered by a broker: how they like to be reached (phone, visit, letter). */
		contactBy: text('contact_by', { enum: CONTACT_WAYS }),
		/** Brokers only, optional, set by themselves: the first name and photo shown where residents are told to call. */
		callName: text('call_name'),
		callPhoto: text('call_photo'),
		createdAt: instant('created_at').notNull(),
		deletedAt: instant('deleted_at'),
		/** Start of the person's current visit to the list of posts, and of the one before it. */
		postsSeenAt: instant('posts_seen_at'),
		postsSeenBefore: instant('posts_seen_before'),
		/** security: TOTP secret bytes for the second factor; never leaves the server (not in SessionUser). */
		totpKey: blob('totp_key', { mode: 'buffer' }),
		/** security: the last 30-second step a code was accepted for, so a code cannot be replayed. */
		totpLastStep: integer('totp_last_step'),
		/** When the person proved `phone` is theirs with a code sent by SMS; cleared when it changes. */
		phoneVerifiedAt: instant('phone_verified_at'),
		/** When the person answered STOP to an SMS: no SMS to them until they switch it on again. */
		smsStoppedAt: instant('sms_stopped_at'),
		/** No SMS or push between these minutes of the day (neighbourhood time); from > until spans midnight. */
		quietFromMinute: integer('quiet_from_minute').notNull().default(DEFAULT_QUIET_FROM_MINUTE),
		quietUntilMinute: integer('quiet_until_minute').notNull().default(DEFAULT_QUIET_UNTIL_MINUTE),
		/** Optional, asked at a phone intake: only for the reach monitor's share of people over 75. */
		birthYear: integer('birth_year')
	},
	(t) => [
		index('users_neighbourhood').on(t.neighbourhoodId),
		index('users_role').on(t.role),
		// Match suggestions look for helpers ring by ring of H3 cells around a request.
		index('users_approx_cell').on(t.approxCell)
	]
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
	(t) => [
		primaryKey({ columns: [t.neighbourhoodId, t.userId] }),
		index('brokers_user').on(t.userId)
	]
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
		expiresAt: instant('expires_at').notNull(),
		/** security: true once the second factor was entered in this session. */
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false)
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
		sentAt: instant('sent_at'),
		/**
		 * How this row reaches the person. `toAddress` is then an e-mail address, a phone number
		 * (E.164), the person's id (push goes to each of their subscriptions) or '' (a letter).
		 */
		channel: text('channel', { enum: CHANNELS }).notNull().default('email'),
		/** What the message is about, which decided its channel (see `$lib/notify/channels`). */
		topic: text('topic', { enum: TOPICS }).notNull().default('other'),
		/** The page the message points to: the mail's button, the push's click, the SMS's short link. */
		url: text('url'),
		/** One or two plain sentences: the SMS (before its short link) and the push's body. */
		shortText: text('short_text'),
		/** Alerts: the one-click unsubscribe address (List-Unsubscribe, RFC 8058). */
		unsubscribeUrl: text('unsubscribe_url'),
		/** JSON array of channels still to try, in order, when this one fails for good; then a call task. */
		fallback: text('fallback').notNull().default('[]'),
		/** JSON: what a call task or letter made instead links to ({ postId, followUpId, call }). */
		about: text('about').notNull().default('{}')
	},
	(t) => [
		index('outbox_due').on(t.status, t.nextAttemptAt),
		index('outbox_user').on(t.userId),
		index('outbox_channel').on(t.channel, t.status)
	]
);

/** A person's choice of channel per topic; no row means the default (e-mail, else what they have). */
export const channelPreferences = sqliteTable(
	'channel_preferences',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		topic: text('topic', { enum: CHOOSABLE_TOPICS }).notNull(),
		channel: text('channel', { enum: CHOOSABLE_CHANNELS }).notNull(),
		/** Who set it: the person, or a broker on the phone for them. */
		setById: text('set_by_id').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.topic] })]
);

/** A browser or phone that agreed to receive push messages for a person (Web Push). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The push service's address for this browser; secret-ish, never shown. */
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		/** E.g. "Chrome on Android", so the person can tell their devices apart. */
		label: text('label').notNull().default(''),
		createdAt: instant('created_at').notNull(),
		lastSentAt: instant('last_sent_at')
	},
	(t) => [index('push_subscriptions_user').on(t.userId)]
);

/** A code sent by SMS to prove a phone number; only its hash is kept, and only until used. */
export const phoneChecks = sqliteTable('phone_checks', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	phone: text('phone').notNull(),
	codeHash: text('code_hash').notNull(),
	attempts: integer('attempts').notNull().default(0),
	createdAt: instant('created_at').notNull(),
	expiresAt: instant('expires_at').notNull()
});

/** Short personal links for SMS (/s/<token>): the hash of the token, and where it leads. */
export const shortLinks = sqliteTable(
	'short_links',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** The long address, sealed with a key made from the token (it may hold a secret link). */
		target: text('target').notNull(),
		createdAt: instant('created_at').notNull(),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('short_links_user').on(t.userId), index('short_links_expires').on(t.expiresAt)]
);

/** A secret, revocable calendar address (/calendar/<token>.ics). */
export const calendarFeeds = sqliteTable(
	'calendar_feeds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		kind: text('kind', { enum: CALENDAR_FEED_KINDS }).notNull(),
		/** Whose feed it is (for the desk's feed: the staff member who made it). */
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The desk feed's neighbourhood. */
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id, {
			onDelete: 'cascade'
		}),
		createdAt: instant('created_at').notNull(),
		lastReadAt: instant('last_read_at'),
		revokedAt: instant('revoked_at')
	},
	(t) => [index('calendar_feeds_user').on(t.userId)]
);

/** What a helper wants to hear about new requests near them, and how often. */
export const alertSettings = sqliteTable(
	'alert_settings',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		rhythm: text('rhythm', { enum: ALERT_RHYTHMS }).notNull().default('never'),
		/** How far from the person's home, in metres. */
		distanceMeters: integer('distance_meters').notNull().default(1000),
		/** JSON array of category ids; empty means every category the person helps with. */
		categories: text('categories').notNull().default('[]'),
		/** Requests published up to here have been told (or skipped); the next alert starts after. */
		coveredUntil: instant('covered_until').notNull(),
		/** The last alert message, so "at once" sends at most one an hour. */
		lastSentAt: instant('last_sent_at'),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [index('alert_settings_rhythm').on(t.rhythm)]
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

// Kinds, "when" types and statuses: `$lib/posts/choices`, `$lib/posts/statuses`, `$lib/day-parts`.
export const posts = sqliteTable(
	'posts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: POST_KINDS }).notNull(),
		status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** The broker who placed the post for the author (phone intake), if any. */
		placedById: text('placed_by_id').references(() => users.id, { onDelete: 'set null' }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		categoryId: integer('category_id')
			.notNull()
			.references(() => categories.id),
		title: text('title').notNull(),
		body: text('body').notNull(),
		whenType: text('when_type', { enum: WHEN_TYPES }).notNull().default('flexible'),
		/** Local date "YYYY-MM-DD" in the neighbourhood's time zone (date and window). */
		whenDate: text('when_date'),
		/** Local times "HH:MM" (window). */
		whenFrom: text('when_from'),
		whenTo: text('when_to'),
		/** Recurring moment: weekday 1..7 (Monday = 1) and part of the day. */
		recurringDay: integer('recurring_day'),
		recurringPart: text('recurring_part', { enum: DAY_PARTS }),
		/** Instant the help starts (date/window), for the date filter; null when recurring or flexible. */
		startsAt: instant('starts_at'),
		durationMinutes: integer('duration_minutes'),
		helpersNeeded: integer('helpers_needed').notNull().default(1),
		/** An offer without an end date. */
		standing: integer('standing', { mode: 'boolean' }).notNull().default(false),
		/** 'home' = the author's own place; 'other' = a place named in placeLabel. */
		placeType: text('place_type', { enum: PLACE_TYPES }).notNull().default('home'),
		placeLabel: text('place_label'),
		/** Private exact point; only brokers and, after a match, the matched helper see it. */
		exactLat: real('exact_lat').notNull(),
		exactLon: real('exact_lon').notNull(),
		/** Public approximate point (H3 cell centre). */
		approxCell: text('approx_cell').notNull(),
		approxLat: real('approx_lat').notNull(),
		approxLon: real('approx_lon').notNull(),
		/** Random key from the form, so a double submit creates one post. */
		submissionKey: text('submission_key'),
		rejectionReason: text('rejection_reason'),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at').notNull(),
		publishedAt: instant('published_at'),
		expiresAt: instant('expires_at'),
		expiryWarnedAt: instant('expiry_warned_at'),
		/** SHA-256 of the one-click "still needed" link in the expiry warning; cleared when used. */
		stillNeededTokenHash: text('still_needed_token_hash')
	},
	(t) => [
		uniqueIndex('posts_submission').on(t.authorId, t.submissionKey),
		// The map counts posts per point from this index alone, never the rows.
		index('posts_open_geo').on(t.status, t.approxLat, t.approxLon, t.kind),
		// The list sorted by relevance reads only this index, never the rows.
		index('posts_open_list').on(
			t.status,
			t.categoryId,
			t.approxLat,
			t.approxLon,
			t.publishedAt,
			t.authorId,
			t.kind
		),
		// The list without filters: open posts, newest first, without a sort step.
		index('posts_status_published').on(t.status, t.publishedAt),
		index('posts_neighbourhood_status').on(t.neighbourhoodId, t.status, t.publishedAt),
		// Reports count posts by the month they were made in.
		index('posts_neighbourhood_created').on(t.neighbourhoodId, t.createdAt),
		index('posts_category_status').on(t.categoryId, t.status),
		index('posts_author').on(t.authorId, t.status),
		index('posts_expiry').on(t.status, t.expiresAt)
	]
);

/** "I can help" on a request, or "yes please" on an offer; the conversation hangs off it. */
export const responses = sqliteTable(
	'responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => posts.id),
		responderId: text('responder_id')
			.notNull()
			.references(() => users.id),
		message: text('message').notNull(),
		status: text('status', { enum: RESPONSE_STATUSES }).notNull().default('open'),
		createdAt: instant('created_at').notNull(),
		decidedAt: instant('decided_at')
	},
	(t) => [
		uniqueIndex('responses_post_responder').on(t.postId, t.responderId),
		index('responses_responder').on(t.responderId)
	]
);

/** An agreed pair: a helper and the person helped, for one post. */
export const matches = sqliteTable(
	'matches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => posts.id),
		responseId: integer('response_id')
			.notNull()
			.unique()
			.references(() => responses.id),
		helperId: text('helper_id')
			.notNull()
			.references(() => users.id),
		requesterId: text('requester_id')
			.notNull()
			.references(() => users.id),
		/** Who made the match: the poster, or a broker. */
		madeById: text('made_by_id').references(() => users.id, { onDelete: 'set null' }),
		status: text('status', { enum: MATCH_STATUSES }).notNull().default('active'),
		agreedAt: instant('agreed_at').notNull(),
		endedAt: instant('ended_at'),
		endedById: text('ended_by_id').references(() => users.id, { onDelete: 'set null' }),
		endReason: text('end_reason')
	},
	(t) => [
		index('matches_post_status').on(t.postId, t.status),
		index('matches_helper').on(t.helperId, t.status),
		index('matches_requester').on(t.requesterId, t.status)
	]
);

/** What each side of a match chose to show the other. */
export const matchShares = sqliteTable(
	'match_shares',
	{
		matchId: integer('match_id')
			.notNull()
			.references(() => matches.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		phone: integer('phone', { mode: 'boolean' }).notNull().default(false),
		address: integer('address', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.matchId, t.userId] })]
);

/** The conversation of a response (and of the match it may become). */
export const messages = sqliteTable(
	'messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id),
		senderId: text('sender_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('messages_response').on(t.responseId, t.createdAt)]
);

/** Per person per conversation: what they have read, and when they were last mailed about it. */
export const conversationStates = sqliteTable(
	'conversation_states',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lastReadAt: instant('last_read_at').notNull().default(0),
		lastNoticeAt: instant('last_notice_at').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.responseId, t.userId] })]
);

export const REPORT_STATUSES = ['open', 'resolved'] as const;

/** A resident's report about a post or a person, for the broker's queue. */
export const reports = sqliteTable(
	'reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		postId: integer('post_id').references(() => posts.id),
		personId: text('person_id').references(() => users.id),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
		reason: text('reason').notNull(),
		status: text('status', { enum: REPORT_STATUSES }).notNull().default('open'),
		createdAt: instant('created_at').notNull(),
		resolvedById: text('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
		resolvedAt: instant('resolved_at'),
		resolution: text('resolution')
	},
	(t) => [index('reports_neighbourhood_status').on(t.neighbourhoodId, t.status)]
);

/** A person who chose not to see another: neither sees the other's posts or messages. */
export const blocks = sqliteTable(
	'blocks',
	{
		blockerId: text('blocker_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		blockedId: text('blocked_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.blockerId, t.blockedId] }),
		index('blocks_blocked').on(t.blockedId)
	]
);

export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type PostResponse = typeof responses.$inferSelect;
export type Match = typeof matches.$inferSelect;

/** A trust badge a broker granted after a check; never self-declared. */
export const trustBadges = sqliteTable(
	'trust_badges',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: BADGE_KINDS }).notNull(),
		/** E.g. the training's name; public. What was checked goes in a confidential note. */
		label: text('label'),
		grantedById: text('granted_by_id').references(() => users.id, { onDelete: 'set null' }),
		grantedAt: instant('granted_at').notNull(),
		/** When the check was done (the intake talk, the call to the references, the training day). */
		checkedAt: instant('checked_at'),
		/** A certificate's issue date; its expiry follows from the neighbourhood's validity period. */
		issuedAt: instant('issued_at'),
		/** Confidential: what the broker checked. Brokers only; never shown to the public. */
		note: text('note').notNull().default(''),
		expiresAt: instant('expires_at'),
		revokedAt: instant('revoked_at'),
		revokedById: text('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** Confidential, like the note. */
		revokeReason: text('revoke_reason'),
		/** When the expiry was logged and the person told, so it happens once. */
		expiryHandledAt: instant('expiry_handled_at'),
		/** A training badge given for attending this gathering (its name and date come from it). */
		gatheringId: integer('gathering_id').references((): AnySQLiteColumn => gatherings.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		index('trust_badges_user').on(t.userId, t.kind),
		index('trust_badges_expiry').on(t.expiresAt)
	]
);

export type TrustBadge = typeof trustBadges.$inferSelect;

/** A neighbourhood's rule that helpers in a category need a badge (e.g. home visits: met in person). */
export const categoryBadgeRules = sqliteTable(
	'category_badge_rules',
	{
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		categoryId: integer('category_id')
			.notNull()
			.references(() => categories.id, { onDelete: 'cascade' }),
		badgeKind: text('badge_kind', { enum: BADGE_KINDS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.neighbourhoodId, t.categoryId, t.badgeKind] })]
);

// ——— The follow-up check after a match ———

/**
 * One side of a match asked "how did it go?" (round 1, and every further period while an ongoing
 * match lasts). Due rows live here, so a restarted worker picks them up; `sentAt` is set in the
 * same transaction that puts the mail in the outbox, so none is sent twice.
 */
export const followUps = sqliteTable(
	'follow_ups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		matchId: integer('match_id')
			.notNull()
			.references(() => matches.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		round: integer('round').notNull().default(1),
		dueAt: instant('due_at').notNull(),
		sentAt: instant('sent_at'),
		/** The match had ended when the follow-up was sent: it asks how it ended. */
		aboutEnd: integer('about_end', { mode: 'boolean' }).notNull().default(false),
		remindedAt: instant('reminded_at'),
		/** When nobody answered and it became a task on Today. */
		escalatedAt: instant('escalated_at'),
		answeredAt: instant('answered_at'),
		/** Null when the person answered; the broker's id when they entered it on their behalf. */
		answeredById: text('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
		outcome: text('outcome', { enum: FOLLOW_UP_OUTCOMES }),
		continuation: text('continuation', { enum: FOLLOW_UP_CONTINUATIONS }),
		comment: text('comment').notNull().default(''),
		/** The helper's answer to "how long did it take?", in minutes; null when not asked or not said. */
		minutes: integer('minutes')
	},
	(t) => [
		uniqueIndex('follow_ups_match_user_round').on(t.matchId, t.userId, t.round),
		index('follow_ups_due').on(t.sentAt, t.dueAt),
		index('follow_ups_user').on(t.userId)
	]
);

export type FollowUp = typeof followUps.$inferSelect;

/** A personal link to a follow-up form; only the token's hash is kept. One per mail sent. */
export const followUpLinks = sqliteTable(
	'follow_up_links',
	{
		tokenHash: text('token_hash').primaryKey(),
		followUpId: integer('follow_up_id')
			.notNull()
			.references(() => followUps.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull(),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('follow_up_links_follow_up').on(t.followUpId)]
);

/** Where tools are picked up and brought back, e.g. the service centre's desk. */
export const pickupPlaces = sqliteTable('pickup_places', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	neighbourhoodId: integer('neighbourhood_id')
		.notNull()
		.references(() => neighbourhoods.id),
	name: text('name').notNull(),
	address: text('address').notNull(),
	/** JSON array of { day: 1..7, from: "HH:MM", to: "HH:MM" }, as phone-duty hours. */
	openingHours: text('opening_hours').notNull().default('[]'),
	notes: text('notes').notNull().default('')
});

/** Who paid for a tool, for the funder's figures (e.g. the King Baudouin Foundation grant). */
export const fundingSources = sqliteTable('funding_sources', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	funder: text('funder').notNull(),
	grantReference: text('grant_reference').notNull().default('')
});

export const toolCategories = sqliteTable('tool_categories', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	/** JSON object of names per locale, as for help categories. */
	names: text('names').notNull(),
	sortOrder: integer('sort_order').notNull().default(0)
});

/** One physical tool in the lending catalogue. */
export const tools = sqliteTable(
	'tools',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		assetTag: text('asset_tag').notNull().unique(),
		name: text('name').notNull(),
		description: text('description').notNull(),
		instructions: text('instructions').notNull().default(''),
		safetyNotes: text('safety_notes').notNull().default(''),
		categoryId: integer('category_id')
			.notNull()
			.references(() => toolCategories.id),
		condition: text('condition', { enum: TOOL_CONDITIONS }).notNull().default('good'),
		replacementValueCents: integer('replacement_value_cents').notNull().default(0),
		/** JSON array of the parts that must come back, e.g. ["koffer", "3 boren"]. */
		accessories: text('accessories').notNull().default('[]'),
		fundingSourceId: integer('funding_source_id').references(() => fundingSources.id),
		pickupPlaceId: integer('pickup_place_id')
			.notNull()
			.references(() => pickupPlaces.id),
		loanDaysDefault: integer('loan_days_default').notNull().default(3),
		loanDaysMax: integer('loan_days_max').notNull().default(7),
		depositCents: integer('deposit_cents').notNull().default(0),
		status: text('status', { enum: TOOL_STATUSES }).notNull().default('available'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		index('tools_neighbourhood_status').on(t.neighbourhoodId, t.status),
		index('tools_category').on(t.categoryId)
	]
);

export type Tool = typeof tools.$inferSelect;

// ——— Tasks on the broker's Today page ———

/**
 * Something a person at the desk must do, usually a phone call: a resident without e-mail who
 * would have been mailed, an overdue tool, a follow-up nobody answered. Each area creates its own
 * kinds; `dedupeKey` makes creating the same task twice a no-op (e.g. "loan-overdue:12").
 */
export const tasks = sqliteTable(
	'tasks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
		kind: text('kind').notNull(),
		/** The resident the task is about (whom to call). */
		subjectUserId: text('subject_user_id').references(() => users.id, { onDelete: 'cascade' }),
		dedupeKey: text('dedupe_key').unique(),
		/** JSON with what the page needs to describe the task (ids, mail kind, a short text). */
		details: text('details').notNull().default('{}'),
		createdAt: instant('created_at').notNull(),
		/** Not shown before this instant (e.g. a call planned for tomorrow). */
		dueAt: instant('due_at').notNull(),
		doneAt: instant('done_at'),
		doneById: text('done_by_id').references(() => users.id, { onDelete: 'set null' }),
		outcome: text('outcome')
	},
	(t) => [
		index('tasks_open').on(t.neighbourhoodId, t.doneAt, t.dueAt),
		index('tasks_subject').on(t.subjectUserId)
	]
);

export type Task = typeof tasks.$inferSelect;

// ——— Lending: agreements, reservations and loans ———

/** The borrower agreement of a neighbourhood; a new text is a new version, never an edit. */
export const borrowerAgreements = sqliteTable(
	'borrower_agreements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		version: integer('version').notNull(),
		/** JSON object of texts per locale. */
		body: text('body').notNull(),
		publishedAt: instant('published_at').notNull(),
		publishedById: text('published_by_id').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('borrower_agreements_version').on(t.neighbourhoodId, t.version)]
);

/** Who accepted which version, how, and who recorded it when it was not online. */
export const agreementAcceptances = sqliteTable(
	'agreement_acceptances',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => borrowerAgreements.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		method: text('method', { enum: ACCEPTANCE_METHODS }).notNull(),
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		acceptedAt: instant('accepted_at').notNull()
	},
	(t) => [uniqueIndex('agreement_acceptances_user').on(t.agreementId, t.userId)]
);

/** A reservation that becomes a loan at the desk: one row from booking to return. */
export const loans = sqliteTable(
	'loans',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toolId: integer('tool_id')
			.notNull()
			.references(() => tools.id),
		borrowerId: text('borrower_id')
			.notNull()
			.references(() => users.id),
		/** A broker or desk volunteer who booked it for the borrower (e.g. by phone). */
		bookedById: text('booked_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** The match this loan serves ("the helper borrows the ladder for the curtains"). */
		matchId: integer('match_id').references(() => matches.id, { onDelete: 'set null' }),
		agreementAcceptanceId: integer('agreement_acceptance_id').references(
			() => agreementAcceptances.id
		),
		status: text('status', { enum: LOAN_STATUSES }).notNull().default('reserved'),
		/** Local dates "YYYY-MM-DD" in the neighbourhood's time zone; both days included. */
		startDate: text('start_date').notNull(),
		endDate: text('end_date').notNull(),
		createdAt: instant('created_at').notNull(),
		checkedOutAt: instant('checked_out_at'),
		checkedOutById: text('checked_out_by_id').references(() => users.id, { onDelete: 'set null' }),
		conditionOut: text('condition_out', { enum: TOOL_CONDITIONS }),
		/** JSON array of the parts handed over. */
		partsOut: text('parts_out'),
		deposit: text('deposit', { enum: DEPOSIT_OUTCOMES }).notNull().default('none'),
		/** A code, not a story: e.g. "low_income", "known_borrower", "broker_decision". */
		depositWaiverReason: text('deposit_waiver_reason', { enum: DEPOSIT_WAIVER_REASONS }),
		checkedInAt: instant('checked_in_at'),
		checkedInById: text('checked_in_by_id').references(() => users.id, { onDelete: 'set null' }),
		conditionIn: text('condition_in', { enum: TOOL_CONDITIONS }),
		partsBack: text('parts_back'),
		extendedTimes: integer('extended_times').notNull().default(0),
		cancelledAt: instant('cancelled_at'),
		cancelReason: text('cancel_reason'),
		/** Reminder bookkeeping, so each reminder goes once. */
		pickupReminderAt: instant('pickup_reminder_at'),
		returnReminderAt: instant('return_reminder_at'),
		overdueNoticeAt: instant('overdue_notice_at'),
		overdueTaskAt: instant('overdue_task_at')
	},
	(t) => [
		index('loans_tool_dates').on(t.toolId, t.status, t.startDate, t.endDate),
		index('loans_borrower').on(t.borrowerId, t.status),
		index('loans_status_dates').on(t.status, t.startDate, t.endDate)
	]
);

export type Loan = typeof loans.$inferSelect;

/** "Tell me when it is free": first in line is mailed when the tool becomes available. */
export const toolWaitlist = sqliteTable(
	'tool_waitlist',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toolId: integer('tool_id')
			.notNull()
			.references(() => tools.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull(),
		notifiedAt: instant('notified_at')
	},
	(t) => [uniqueIndex('tool_waitlist_user').on(t.toolId, t.userId)]
);

/** A stay in repair: why, since when, expected back, and when it came back. */
export const toolRepairs = sqliteTable(
	'tool_repairs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toolId: integer('tool_id')
			.notNull()
			.references(() => tools.id),
		note: text('note').notNull(),
		expectedDate: text('expected_date'),
		startedAt: instant('started_at').notNull(),
		startedById: text('started_by_id').references(() => users.id, { onDelete: 'set null' }),
		endedAt: instant('ended_at')
	},
	(t) => [index('tool_repairs_tool').on(t.toolId, t.startedAt)]
);

/** Damage found at check-in, with an optional photo. */
export const damageReports = sqliteTable(
	'damage_reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toolId: integer('tool_id')
			.notNull()
			.references(() => tools.id),
		loanId: integer('loan_id').references(() => loans.id),
		description: text('description').notNull(),
		photoId: integer('photo_id').references(() => toolPhotos.id, { onDelete: 'set null' }),
		reportedById: text('reported_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('damage_reports_tool').on(t.toolId, t.createdAt)]
);

/** Photos of a tool, resized on upload; files live under the data directory. */
export const toolPhotos = sqliteTable(
	'tool_photos',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toolId: integer('tool_id')
			.notNull()
			.references(() => tools.id),
		/** Base name of the stored files (one per size). */
		fileKey: text('file_key').notNull().unique(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		altText: text('alt_text').notNull().default(''),
		/** Damage photos are for the desk only, never in the public catalogue. */
		isDamage: integer('is_damage', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('tool_photos_tool').on(t.toolId, t.sortOrder)]
);

/** Residents who run the lending desk of a neighbourhood (brokers can do so anyway). */
export const lendingDeskStaff = sqliteTable(
	'lending_desk_staff',
	{
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.neighbourhoodId, t.userId] })]
);

// ——— Matching: the broker's proposals ———

/** A broker asks a helper to take a request; accepted, it becomes a match made by the broker. */
export const matchProposals = sqliteTable(
	'match_proposals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => posts.id),
		helperId: text('helper_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		brokerId: text('broker_id').references(() => users.id, { onDelete: 'set null' }),
		/** What the broker tells the helper, e.g. "Mevrouw hoort slecht: bel aan en wacht even." */
		note: text('note').notNull().default(''),
		/** The broker confirmed proposing a helper without a badge the category needs. */
		badgeWaived: integer('badge_waived', { mode: 'boolean' }).notNull().default(false),
		status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('proposed'),
		createdAt: instant('created_at').notNull(),
		decidedAt: instant('decided_at'),
		matchId: integer('match_id').references(() => matches.id, { onDelete: 'set null' })
	},
	(t) => [
		index('match_proposals_post').on(t.postId, t.status),
		index('match_proposals_helper').on(t.helperId, t.status),
		index('match_proposals_open').on(t.status, t.createdAt)
	]
);

export type MatchProposal = typeof matchProposals.$inferSelect;
// ---------------------------------------------------------------------------------------------
// security: second factor (TOTP) recovery codes
// ---------------------------------------------------------------------------------------------

/** Single-use recovery codes for the second factor; only the SHA-256 of each code is stored. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		codeHash: text('code_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: instant('created_at').notNull(),
		usedAt: instant('used_at')
	},
	(t) => [index('recovery_codes_user').on(t.userId)]
);

// ——— Broker intake: phone registration, proxies, the social map, referrals and signals ———

/** Recorded consent of someone a broker registered by phone or at the door. */
export const residentConsents = sqliteTable('resident_consents', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
	recordedAt: instant('recorded_at').notNull()
});

/** A carer or family member who acts for a resident, with the resident's consent recorded. */
export const residentProxies = sqliteTable(
	'resident_proxies',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		residentId: text('resident_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		proxyUserId: text('proxy_user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		consentRecordedById: text('consent_recorded_by_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		consentAt: instant('consent_at').notNull(),
		revokedAt: instant('revoked_at')
	},
	(t) => [
		index('resident_proxies_proxy').on(t.proxyUserId),
		index('resident_proxies_resident').on(t.residentId)
	]
);

/** The social map: services in or near a neighbourhood that brokers refer people to. */
export const services = sqliteTable(
	'services',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** What they do, in plain words. */
		description: text('description').notNull().default(''),
		/** A short kind for counting referrals, e.g. "social", "care", "food". */
		kind: text('kind').notNull().default('other'),
		/** JSON array of category ids the service helps with. */
		categories: text('categories').notNull().default('[]'),
		phone: text('phone').notNull().default(''),
		address: text('address').notNull().default(''),
		website: text('website').notNull().default(''),
		/** JSON array of { day: 1..7, from: "HH:MM", to: "HH:MM" }, like phone duty. */
		openingHours: text('opening_hours').notNull().default('[]'),
		/** The service's id in an imported social map (e.g. De Sociale Kaart), to match a new import. */
		sourceId: text('source_id'),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at'),
		removedAt: instant('removed_at')
	},
	(t) => [
		index('services_neighbourhood').on(t.neighbourhoodId),
		uniqueIndex('services_source').on(t.neighbourhoodId, t.sourceId)
	]
);

export type Service = typeof services.$inferSelect;

/** A request a broker passed on to a service; the request is then closed. */
export const referrals = sqliteTable(
	'referrals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => posts.id, { onDelete: 'cascade' }),
		serviceId: integer('service_id')
			.notNull()
			.references(() => services.id),
		brokerId: text('broker_id').references(() => users.id, { onDelete: 'set null' }),
		note: text('note').notNull().default(''),
		at: instant('at').notNull()
	},
	(t) => [index('referrals_service').on(t.serviceId, t.at), index('referrals_post').on(t.postId)]
);

/** A confidential signal from a volunteer; only brokers of the neighbourhood read its content. */
export const signals = sqliteTable(
	'signals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		filedById: text('filed_by_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: SIGNAL_KINDS }).notNull(),
		/** Who or what it is about, in the volunteer's words. */
		about: text('about').notNull().default(''),
		body: text('body').notNull(),
		status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('received'),
		pickedUpById: text('picked_up_by_id').references(() => users.id, { onDelete: 'set null' }),
		pickedUpAt: instant('picked_up_at'),
		/** The broker's note on what was done; never shown to the volunteer. */
		actionNote: text('action_note'),
		closedAt: instant('closed_at'),
		createdAt: instant('created_at').notNull(),
		/** Seed 004 §3.4.2: whether the person it is about knows and agrees (client signals). */
		consent: text('consent', { enum: SIGNAL_CONSENTS }).notNull().default('unknown'),
		/** Someone is in danger now (seed 003 fiche 7): top of Today, every broker mailed. */
		urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
		/** The resident it is about, linked by a broker (never by the volunteer), with consent only. */
		subjectUserId: text('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
		/** The broker who wrote down a signal a volunteer gave by phone (seed 004 §3.3.4). */
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** The quarterly bundle (seed 004 §3.2(2)): theme, and the broker's anonymised words. */
		theme: text('theme', { enum: SIGNAL_THEMES }),
		bundleSummary: text('bundle_summary'),
		bundleAction: text('bundle_action'),
		/** When a broker passed the anonymised summary for the bundle, and who. */
		bundleReadyAt: instant('bundle_ready_at'),
		bundleEditedById: text('bundle_edited_by_id').references(() => users.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		index('signals_neighbourhood').on(t.neighbourhoodId, t.status),
		index('signals_filed_by').on(t.filedById),
		index('signals_subject').on(t.subjectUserId),
		index('signals_bundle').on(t.neighbourhoodId, t.bundleReadyAt)
	]
);

export type Signal = typeof signals.$inferSelect;

/** A broker's confidential note on a resident: brokers of that neighbourhood only, with author and time. */
export const residentNotes = sqliteTable(
	'resident_notes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('resident_notes_user').on(t.userId, t.createdAt)]
);

// ——— Volunteers (issue 20): the agreement, expenses, gatherings, care, thanks and goodbye ———

/**
 * The volunteer agreement of a neighbourhood ("organisatienota"); a new text is a new version,
 * never an edit, and asks every helper to accept it again.
 */
export const volunteerAgreements = sqliteTable(
	'volunteer_agreements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		/**
		 * JSON: texts per locale, each an object of AGREEMENT_SECTIONS → the broker's words, e.g.
		 * {"nl":{"tasks":"…","legal_reference":"art. 458 Sw."}}; Dutch is the fallback.
		 */
		body: text('body').notNull(),
		publishedAt: instant('published_at').notNull(),
		publishedById: text('published_by_id').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('volunteer_agreements_version').on(t.neighbourhoodId, t.version)]
);

/** Who accepted which version of the volunteer agreement, how, and who recorded it off-line. */
export const volunteerAcceptances = sqliteTable(
	'volunteer_acceptances',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => volunteerAgreements.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		method: text('method', { enum: ACCEPTANCE_METHODS }).notNull(),
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		acceptedAt: instant('accepted_at').notNull()
	},
	(t) => [
		uniqueIndex('volunteer_acceptances_user').on(t.agreementId, t.userId),
		index('volunteer_acceptances_by_user').on(t.userId)
	]
);

/** A helper asks for expenses paid back after a match (a bus ticket); the broker decides. */
export const expenseClaims = sqliteTable(
	'expense_claims',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		matchId: integer('match_id')
			.notNull()
			.references(() => matches.id),
		helperId: text('helper_id')
			.notNull()
			.references(() => users.id),
		/** In cents, so sums are exact. */
		amountCents: integer('amount_cents').notNull(),
		/** The helper's words: what it was for. */
		reason: text('reason').notNull(),
		status: text('status', { enum: EXPENSE_STATUSES }).notNull().default('claimed'),
		createdAt: instant('created_at').notNull(),
		decidedAt: instant('decided_at'),
		decidedById: text('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** The broker's reason, shown to the helper (required when refused). */
		decisionReason: text('decision_reason').notNull().default('')
	},
	(t) => [
		index('expense_claims_open').on(t.neighbourhoodId, t.status, t.createdAt),
		index('expense_claims_helper').on(t.helperId)
	]
);

export type ExpenseClaim = typeof expenseClaims.$inferSelect;

/** Intervision, a volunteer meeting, a training, an information evening, a coffee morning… */
export const gatherings = sqliteTable(
	'gatherings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: GATHERING_KINDS }).notNull(),
		/** The training's name or what the open activity is; '' for the other kinds. */
		name: text('name').notNull().default(''),
		description: text('description').notNull().default(''),
		place: text('place').notNull(),
		startsAt: instant('starts_at').notNull(),
		endsAt: instant('ends_at').notNull(),
		/** Places; null when there is no limit. Beyond it, sign-ups go on the waiting list. */
		capacity: integer('capacity'),
		audience: text('audience', { enum: GATHERING_AUDIENCES }).notNull(),
		/** Trainings: the training badge it gives expires after this many months (the yearly refresher). */
		refresherMonths: integer('refresher_months'),
		createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: instant('created_at').notNull(),
		cancelledAt: instant('cancelled_at'),
		attendanceRecordedAt: instant('attendance_recorded_at'),
		attendanceRecordedById: text('attendance_recorded_by_id').references(() => users.id, {
			onDelete: 'set null'
		})
	},
	(t) => [index('gatherings_neighbourhood').on(t.neighbourhoodId, t.startsAt)]
);

export type Gathering = typeof gatherings.$inferSelect;

/** A person's place at a gathering, from signing up (or being signed up by phone) to attending. */
export const gatheringSignups = sqliteTable(
	'gathering_signups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		gatheringId: integer('gathering_id')
			.notNull()
			.references(() => gatherings.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: SIGNUP_STATUSES }).notNull(),
		/** The broker who signed the person up on the phone; null when they did it themselves. */
		signedUpById: text('signed_up_by_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: instant('created_at').notNull(),
		cancelledAt: instant('cancelled_at'),
		/** The reminder the day before went into the outbox (once). */
		remindedAt: instant('reminded_at'),
		/** Recorded afterwards by the broker: null until then. */
		attended: integer('attended', { mode: 'boolean' })
	},
	(t) => [
		uniqueIndex('gathering_signups_person').on(t.gatheringId, t.userId),
		index('gathering_signups_user').on(t.userId)
	]
);

export type GatheringSignup = typeof gatheringSignups.$inferSelect;

/** A helper asks the broker for help directly (shown on Today until a broker picks it up). */
export const helpAsks = sqliteTable(
	'help_asks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		helperId: text('helper_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The match it is about, when the helper chose one. */
		matchId: integer('match_id').references(() => matches.id, { onDelete: 'set null' }),
		/** The helper's words; brokers of the neighbourhood only. */
		body: text('body').notNull(),
		createdAt: instant('created_at').notNull(),
		handledAt: instant('handled_at'),
		handledById: text('handled_by_id').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('help_asks_open').on(t.neighbourhoodId, t.handledAt),
		index('help_asks_helper').on(t.helperId)
	]
);

/** A thank-you to a helper: a broker's personal one, or the neighbourhood's yearly one (once a year). */
export const volunteerThanks = sqliteTable(
	'volunteer_thanks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		kind: text('kind', { enum: THANKS_KINDS }).notNull(),
		/** The yearly thank-you's year; null for a personal one (NULLs never collide in the unique index). */
		year: integer('year'),
		/** The broker's own words (personal thanks); '' for the yearly mail, whose text is a message key. */
		message: text('message').notNull().default(''),
		sentById: text('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
		sentAt: instant('sent_at').notNull()
	},
	(t) => [
		uniqueIndex('volunteer_thanks_yearly').on(t.userId, t.kind, t.year),
		index('volunteer_thanks_user').on(t.userId, t.sentAt)
	]
);

/** A volunteer stopped (seed 004 §4.3.3): when, why, and who recorded it. */
export const volunteerGoodbyes = sqliteTable(
	'volunteer_goodbyes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		reason: text('reason', { enum: STOP_REASONS }).notNull(),
		/** Confidential: the broker's words about it. */
		note: text('note').notNull().default(''),
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		stoppedAt: instant('stopped_at').notNull(),
		/** Set when the person came back as a volunteer. */
		resumedAt: instant('resumed_at')
	},
	(t) => [index('volunteer_goodbyes_user').on(t.userId, t.stoppedAt)]
);

// ——— The back office (issue 21): the signal cycle, referral checks, partners, the steering group ———

/**
 * A broker's answer to the volunteer who filed a signal ("picked up, we visit her on Tuesday"),
 * shown to the volunteer and mailed to them; never the confidential details.
 */
export const signalReplies = sqliteTable(
	'signal_replies',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		signalId: integer('signal_id')
			.notNull()
			.references(() => signals.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('signal_replies_signal').on(t.signalId, t.createdAt)]
);

/**
 * The check with the resident some days after a referral (seed 004 §3.2): "did the service help
 * you?", asked on their channel; the answer and a follow-up action are recorded.
 */
export const referralChecks = sqliteTable(
	'referral_checks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		referralId: integer('referral_id')
			.notNull()
			.unique()
			.references(() => referrals.id, { onDelete: 'cascade' }),
		status: text('status', { enum: REFERRAL_CHECK_STATUSES }).notNull().default('planned'),
		dueAt: instant('due_at').notNull(),
		askedAt: instant('asked_at'),
		answer: text('answer', { enum: REFERRAL_CHECK_ANSWERS }),
		/** The resident's or broker's words on the answer; brokers only. */
		note: text('note').notNull().default(''),
		/** What the broker does next (another service, a visit); brokers only. */
		action: text('action').notNull().default(''),
		answeredAt: instant('answered_at'),
		/** The broker who wrote the answer down (a call, a letter); null when the resident answered. */
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** SHA-256 of the one-click answer link in the mail or SMS; cleared when used. */
		tokenHash: text('token_hash')
	},
	(t) => [index('referral_checks_due').on(t.status, t.dueAt)]
);

/** A partner account's organisation: a service on the neighbourhood's social map. */
export const partnerLinks = sqliteTable(
	'partner_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		serviceId: integer('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		grantedById: text('granted_by_id').references(() => users.id, { onDelete: 'set null' }),
		grantedAt: instant('granted_at').notNull(),
		revokedById: text('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: instant('revoked_at')
	},
	(t) => [index('partner_links_user').on(t.userId), index('partner_links_service').on(t.serviceId)]
);

/** A steering-group or funder account's neighbourhoods: reports and signal bundles, nothing personal. */
export const steeringLinks = sqliteTable(
	'steering_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		grantedById: text('granted_by_id').references(() => users.id, { onDelete: 'set null' }),
		grantedAt: instant('granted_at').notNull(),
		revokedById: text('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: instant('revoked_at')
	},
	(t) => [
		index('steering_links_user').on(t.userId),
		index('steering_links_neighbourhood').on(t.neighbourhoodId)
	]
);

/**
 * A partner refers a resident to the broker, with the resident's recorded consent. It lands on
 * Today as an intake to complete; the partner sees its status, never the broker's notes.
 */
export const partnerReferrals = sqliteTable(
	'partner_referrals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		serviceId: integer('service_id')
			.notNull()
			.references(() => services.id),
		partnerId: text('partner_id').references(() => users.id, { onDelete: 'set null' }),
		/** The resident as the partner wrote them down (they may have no account yet). */
		name: text('name').notNull(),
		phone: text('phone').notNull().default(''),
		/** What they need, in the partner's words. */
		need: text('need').notNull(),
		language: text('language').notNull().default('nl'),
		contactWay: text('contact_way', { enum: PARTNER_CONTACT_WAYS }).notNull(),
		/** When the resident agreed to be referred (the partner ticks it; required). */
		consentAt: instant('consent_at').notNull(),
		status: text('status', { enum: PARTNER_REFERRAL_STATUSES }).notNull().default('new'),
		statusAt: instant('status_at').notNull(),
		/** The resident's account once the broker completed the intake. */
		residentId: text('resident_id').references(() => users.id, { onDelete: 'set null' }),
		/** The request the broker placed for them at the intake (the reach monitor's "partner" channel). */
		postId: integer('post_id').references(() => posts.id, { onDelete: 'set null' }),
		handledById: text('handled_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** A random key from the form, so a double submit refers once. */
		submissionKey: text('submission_key'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		index('partner_referrals_neighbourhood').on(t.neighbourhoodId, t.status),
		index('partner_referrals_partner').on(t.partnerId, t.createdAt),
		index('partner_referrals_post').on(t.postId),
		uniqueIndex('partner_referrals_submission').on(t.partnerId, t.submissionKey)
	]
);

/**
 * A care circle: a closed group of family, friends and neighbours around one person (seed 002
 * §5.2.1, WeHelpen). The centre (or their carer) decides who is in it; nothing in it is public.
 */
export const circles = sqliteTable(
	'circles',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		/** The person the circle is around. */
		centreId: text('centre_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Who keeps the plan going, usually the carer; can hand the role on. */
		coordinatorId: text('coordinator_id').references(() => users.id, { onDelete: 'set null' }),
		startedById: text('started_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** The centre's consent for a moment nobody took: keep it in the circle, the open list, or the broker. */
		openSlots: text('open_slots', { enum: OPEN_SLOT_WAYS }).notNull().default('keep'),
		/** How many hours before it is due an untaken moment is offered. */
		offerHoursBefore: integer('offer_hours_before').notNull().default(DEFAULT_OFFER_HOURS),
		/** The centre lets the broker read the message board. */
		brokerMayRead: integer('broker_may_read', { mode: 'boolean' }).notNull().default(false),
		createdAt: instant('created_at').notNull(),
		closedAt: instant('closed_at')
	},
	(t) => [
		index('circles_centre').on(t.centreId),
		index('circles_neighbourhood').on(t.neighbourhoodId)
	]
);

/** Who is in a circle (the centre included). */
export const circleMembers = sqliteTable(
	'circle_members',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		circleId: integer('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: instant('joined_at').notNull(),
		leftAt: instant('left_at')
	},
	(t) => [
		uniqueIndex('circle_members_once').on(t.circleId, t.userId),
		index('circle_members_user').on(t.userId)
	]
);

/** An invitation into a circle: a link by mail or SMS, or a code printed for someone without e-mail. */
export const circleInvitations = sqliteTable(
	'circle_invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		circleId: integer('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		invitedById: text('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
		way: text('way', { enum: INVITE_WAYS }).notNull(),
		/** How the inviter calls them ("Aunt Rita"), for the member list. */
		name: text('name').notNull(),
		/** The mail address or phone number it went to; empty for a printed code. */
		address: text('address').notNull().default(''),
		/** SHA-256 of the code; the code itself is only in the mail, SMS or on paper. */
		codeHash: text('code_hash').notNull().unique(),
		createdAt: instant('created_at').notNull(),
		expiresAt: instant('expires_at').notNull(),
		acceptedById: text('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
		acceptedAt: instant('accepted_at'),
		withdrawnAt: instant('withdrawn_at')
	},
	(t) => [index('circle_invitations_circle').on(t.circleId)]
);

/** A task in the circle's plan: once, or every week on the same day at the same local time. */
export const circlePlanItems = sqliteTable(
	'circle_plan_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		circleId: integer('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		/** In the member's own words: "shopping", "bins out". */
		title: text('title').notNull(),
		note: text('note').notNull().default(''),
		/** The kind of help, for the open list when nobody in the circle takes a moment. */
		categoryId: integer('category_id').references(() => categories.id),
		repeat: text('repeat', { enum: PLAN_REPEATS }).notNull(),
		/** The first (or only) day, local "YYYY-MM-DD"; weekly ones repeat on its weekday. */
		date: text('date').notNull(),
		/** Local wall-clock time "HH:MM": the same on a summer and a winter Tuesday. */
		time: text('time').notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(60),
		createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** A random key from the form, so a double submit adds the task once. */
		submissionKey: text('submission_key'),
		createdAt: instant('created_at').notNull(),
		removedAt: instant('removed_at')
	},
	(t) => [
		index('circle_plan_items_circle').on(t.circleId),
		uniqueIndex('circle_plan_items_submission').on(t.createdById, t.submissionKey)
	]
);

/** One moment of a plan item, kept ready for the weeks ahead, with who took it. */
export const circleSlots = sqliteTable(
	'circle_slots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		circleId: integer('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		itemId: integer('item_id')
			.notNull()
			.references(() => circlePlanItems.id, { onDelete: 'cascade' }),
		startsAt: instant('starts_at').notNull(),
		takenById: text('taken_by_id').references(() => users.id, { onDelete: 'set null' }),
		takenAt: instant('taken_at'),
		/** The member who took it is looking for someone to swap with; theirs until someone takes it. */
		swapAskedAt: instant('swap_asked_at'),
		remindedAt: instant('reminded_at'),
		/** When and where it went because nobody took it. */
		offeredAt: instant('offered_at'),
		offeredTo: text('offered_to', { enum: OPEN_SLOT_WAYS }),
		/** The request on the open list it became. */
		postId: integer('post_id').references(() => posts.id, { onDelete: 'set null' }),
		/** A neighbour from outside the circle who took it: they see this slot, nothing else. */
		helperId: text('helper_id').references(() => users.id, { onDelete: 'set null' }),
		cancelledAt: instant('cancelled_at')
	},
	(t) => [
		uniqueIndex('circle_slots_once').on(t.itemId, t.startsAt),
		index('circle_slots_circle').on(t.circleId, t.startsAt),
		index('circle_slots_post').on(t.postId)
	]
);

/** The circle's short message board. */
export const circleMessages = sqliteTable(
	'circle_messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		circleId: integer('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		submissionKey: text('submission_key'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		index('circle_messages_circle').on(t.circleId, t.createdAt),
		uniqueIndex('circle_messages_submission').on(t.authorId, t.submissionKey)
	]
);

/**
 * Regular check-in calls to someone who lives alone (seed 004 §1.3.1, the "telefoonster"): who
 * calls on which days at what time, and whom to alert when nobody answers.
 */
export const checkInPlans = sqliteTable(
	'check_in_plans',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		/** The person who is called. */
		personId: text('person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		callerId: text('caller_id').references(() => users.id, { onDelete: 'set null' }),
		contactId: text('contact_id').references(() => users.id, { onDelete: 'set null' }),
		/** Set up from a circle by its coordinator. */
		circleId: integer('circle_id').references(() => circles.id, { onDelete: 'set null' }),
		/** JSON array of weekdays, Monday = 1 … Sunday = 7. */
		weekdays: text('weekdays').notNull(),
		/** Local "HH:MM". */
		time: text('time').notNull(),
		/** After "not reached", the caller tries again this many minutes later. */
		retryMinutes: integer('retry_minutes').notNull().default(30),
		/** A call not written down this many minutes after it was due escalates. */
		graceMinutes: integer('grace_minutes').notNull().default(90),
		setUpById: text('set_up_by_id').references(() => users.id, { onDelete: 'set null' }),
		/** A random key from the form: a double submit sets the calls up once (not two alarms). */
		submissionKey: text('submission_key'),
		createdAt: instant('created_at').notNull(),
		endedAt: instant('ended_at')
	},
	(t) => [
		uniqueIndex('check_in_plans_submission').on(t.setUpById, t.submissionKey),
		index('check_in_plans_person').on(t.personId),
		index('check_in_plans_caller').on(t.callerId),
		index('check_in_plans_neighbourhood').on(t.neighbourhoodId)
	]
);

/** One check-in call and what came of it. */
export const checkInCalls = sqliteTable(
	'check_in_calls',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => checkInPlans.id, { onDelete: 'cascade' }),
		dueAt: instant('due_at').notNull(),
		/** The final outcome; null while open or while a retry is due. */
		outcome: text('outcome', { enum: CALL_OUTCOMES }),
		/** The caller's few words (something to follow up). */
		note: text('note').notNull().default(''),
		signalId: integer('signal_id').references(() => signals.id, { onDelete: 'set null' }),
		/** The first try did not reach them: when to try again. */
		retryAt: instant('retry_at'),
		retryRemindedAt: instant('retry_reminded_at'),
		recordedById: text('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: instant('recorded_at'),
		escalatedAt: instant('escalated_at'),
		escalation: text('escalation', { enum: ESCALATION_REASONS })
	},
	(t) => [
		uniqueIndex('check_in_calls_once').on(t.planId, t.dueAt),
		index('check_in_calls_due').on(t.dueAt)
	]
);

export type Circle = typeof circles.$inferSelect;
export type CircleSlot = typeof circleSlots.$inferSelect;
export type CirclePlanItem = typeof circlePlanItems.$inferSelect;
export type CheckInPlan = typeof checkInPlans.$inferSelect;
export type CheckInCall = typeof checkInCalls.$inferSelect;
