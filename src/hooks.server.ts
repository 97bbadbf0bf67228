import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { textDirection } from '$lib/i18n';
import { config, siteOrigin } from '$lib/server/config';
import { db, sqlite } from '$lib/server/db';
import { refreshQueryStatistics } from '$lib/server/db/client';
import { validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from '$lib/server/auth/cookie';
import { ensureCategories } from '$lib/server/categories/pilot';
import { prepareFirstStart } from '$lib/server/demo/first-start';
import { ensureToolCategories } from '$lib/server/lending/categories';
import { createMailWorker, type Transports } from '$lib/server/mail/worker';
import { pushTransport } from '$lib/server/push/transport';
import { vapidKeys, vapidSubject } from '$lib/server/push/vapid';
import { mailboxTransport, smtpTransport } from '$lib/server/mail/transport';
import { randomToken } from '$lib/server/ids';
import { runFollowUps } from '$lib/server/followup/worker';
// --- volunteers: hours and thanks ---
import { sendYearlyThanks } from '$lib/server/volunteers/yearly-thanks';
// --- end volunteers: hours and thanks ---
// --- back office: imports of jobs (each branch its own block) ---
// --- back office: referral checks ---
import { ensureAllSlots } from '$lib/server/circles/plan';
import { offerOpenSlots } from '$lib/server/circles/open-slots';
import { sendSlotReminders } from '$lib/server/circles/reminders';
import { runCheckIns } from '$lib/server/check-ins/calls';
import { runReferralChecks } from '$lib/server/backoffice/referral-checks';
// --- end back office: referral checks ---
// --- end back office: imports of jobs ---
import { startPeriodicJobs } from '$lib/server/jobs';
import { backupIfDue } from '$lib/server/backup/make';
import { parseKeep } from '$lib/server/backup/retention';
import { log } from '$lib/server/log';
import { bodyTooLarge } from '$lib/server/body-size';
import { m } from '$lib/paraglide/messages.js';
import { securityHeaders } from '$lib/server/security-headers';
import { runLoanReminders } from '$lib/server/lending/reminders';
import { runGatheringReminders } from '$lib/server/volunteers/gathering-reminders';
import { expireDuePosts } from '$lib/server/posts/lifecycle';
import { warnExpiringRequests } from '$lib/server/posts/expiry';
import { handleBadgeExpiry } from '$lib/server/trust/expiry';
import { pruneShortLinks } from '$lib/server/links/short';
import * as clock from '$lib/server/clock';
// --- Alerts of new requests near me (issue 18 §4): the job and the one-click unsubscribe ---
import { runAlerts } from '$lib/server/alerts/run';
import { crossSiteFormRefused } from '$lib/server/form-origin';
// --- end alerts ---
import { smppTransport, smsBoxTransport } from '$lib/server/sms/smpp';

// SMS over SMPP when SMS_URL is set, else kept for the built-in mailbox; started in init (the
// session also hears STOP replies), closed on shutdown.
const smsTransport = config.SMS_URL
	? smppTransport({ url: config.SMS_URL, from: config.SMS_FROM, db, now: clock.now })
	: smsBoxTransport(db);

/** One outbox, a transport per channel (letters are printed by people). */
const transports: Transports = {
	email: config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : mailboxTransport,
	sms: smsTransport,
	// Web Push, signed with the site's VAPID keys (made on the first start, kept in the database).
	push: pushTransport(db, { subject: vapidSubject(config.MAIL_FROM, siteOrigin()), now: clock.now })
};

const mailWorker = createMailWorker({
	db,
	transports,
	pollMs: config.OUTBOX_POLL_MS,
	now: clock.now
});

export const init: ServerInit = async () => {
	// The starting category lists, in every installation; brokers manage them from then on.
	ensureCategories(db);
	ensureToolCategories(db);
	// A local trial becomes the demo site; a real site creates no accounts (see README).
	await prepareFirstStart(db, config, clock.now());
	// The VAPID keys are made on the first start, then kept in the database (see README).
	vapidKeys(db);
	smsTransport.start();
	mailWorker.start();
	const stopJobs = startPeriodicJobs(
		[
			// Requests nobody renewed leave the open list.
			{ name: 'expire-posts', everyMs: 5 * 60_000, run: (now) => expireDuePosts(db, now) },
			// A few days before, the poster gets a "still needed" link.
			{
				name: 'warn-expiring-posts',
				everyMs: 15 * 60_000,
				run: (now) => warnExpiringRequests(db, now, siteOrigin())
			},
			// "How did it go?" two weeks after a match, one reminder, then a task for the broker.
			{ name: 'follow-ups', everyMs: 60_000, run: (now) => runFollowUps(db, now, siteOrigin()) },
			// Expired certificates are logged and their holder told; brokers see them 30 days ahead.
			{
				name: 'badge-expiry',
				everyMs: 60 * 60_000,
				run: (now) => handleBadgeExpiry(db, now, siteOrigin())
			},
			// Short links in SMS older than a month lead nowhere any more: removed.
			{ name: 'short-links', everyMs: 6 * 60 * 60_000, run: (now) => pruneShortLinks(db, now) },
			// Fresh statistics for SQLite's query planner as the tables grow.
			{
				name: 'query-statistics',
				everyMs: 6 * 60 * 60_000,
				run: () => {
					refreshQueryStatistics(sqlite);
					return 0;
				}
			},
			// Lending: reservations nobody picked up are released; pick-up and return reminders, a
			// kind mail when late, then a call on Today. Mails only from 09:00 to 20:00 local time.
			{
				name: 'loan-reminders',
				everyMs: 5 * 60_000,
				run: (now) => runLoanReminders(db, now, siteOrigin())
			},
			// --- alerts: new requests near a helper, at once (at most hourly), daily or weekly ---
			{ name: 'alerts', everyMs: 5 * 60_000, run: (now) => runAlerts(db, now, siteOrigin()) },
			// --- end alerts ---
			// --- volunteers: gatherings (jobs of the gatherings branch) ---
			// A reminder the day before a gathering, once per sign-up, in daytime only.
			{
				name: 'gathering-reminders',
				everyMs: 15 * 60_000,
				run: (now) => runGatheringReminders(db, now, siteOrigin())
			},
			// --- end volunteers: gatherings ---
			// --- volunteers: hours and thanks (jobs of the hours branch) ---
			// On 5 December (the neighbourhood's daytime) each volunteer who helped that year gets
			// one thank-you with their own count; hourly, so a restart that day still sends it.
			{
				name: 'yearly-thanks',
				everyMs: 60 * 60_000,
				run: (now) => sendYearlyThanks(db, now)
			},
			// --- end volunteers: hours and thanks ---
			// --- back office: referral checks (jobs of the referral-checks branch) ---
			// Two weeks after a referral the resident is asked whether it helped, in daytime, once.
			{
				name: 'referral-checks',
				everyMs: 15 * 60_000,
				run: (now) => runReferralChecks(db, now, siteOrigin())
			},
			// --- end back office: referral checks ---
			// --- care circles and check-in calls ---
			// The weeks ahead of each circle's plan; untaken moments offered where the centre
			// agreed; a reminder the day before to whoever took one.
			{
				name: 'circles',
				everyMs: 5 * 60_000,
				run: (now) =>
					ensureAllSlots(db, now) +
					offerOpenSlots(db, now, siteOrigin()) +
					sendSlotReminders(db, now, siteOrigin())
			},
			// Every minute: a call nobody answered or wrote down must reach the contact person at once.
			{ name: 'check-in-calls', everyMs: 60_000, run: (now) => runCheckIns(db, now, siteOrigin()) },
			// --- end care circles and check-in calls ---
			// A checked online backup a day into BACKUP_DIR, photos included; old ones pruned.
			{
				name: 'backup',
				everyMs: 60 * 60_000,
				run: (now) =>
					backupIfDue(
						sqlite,
						{ dir: config.BACKUP_DIR, photoDir: config.PHOTO_DIR },
						parseKeep(config.BACKUP_KEEP),
						now
					)
			}
		],
		clock.now
	);
	log.info('server.started', {
		database: config.DATABASE_URL,
		mail: config.SMTP_URL ? 'smtp' : 'built-in mailbox',
		sms: config.SMS_URL ? 'smpp' : 'built-in mailbox',
		backups: config.BACKUP_DIR
	});
	// adapter-node emits this on SIGINT/SIGTERM once open requests are done.
	process.once('sveltekit:shutdown' as 'exit', async () => {
		stopJobs();
		await mailWorker.stop();
		await smsTransport.close();
		sqlite.close();
	});
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', locale).replace('%dir%', textDirection(locale))
		});
	});

/** Refuses a body larger than its page takes before it is read (photo pages take photos). */
const handleBodySize: Handle = ({ event, resolve }) => {
	if (!bodyTooLarge(event.route.id, event.request.headers.get('content-length')))
		return resolve(event);
	log.info('request.too_large', { path: event.url.pathname });
	return new Response(m.error_413(), {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName(event.url));
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const result = validateSessionToken(db, token, clock.now());
	if (result.session) {
		if (result.refreshed)
			setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
	} else {
		deleteSessionCookie(event.cookies, event.url);
	}
	event.locals.user = result.user;
	event.locals.session = result.session;
	return resolve(event);
};

const tileOrigin = new URL(config.PUBLIC_TILE_URL.replace(/\{[a-z]\}/g, 'a')).origin.replace(
	/\/\/a\./,
	'//*.'
);

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	const csp = h.get('content-security-policy');
	// The map tile host comes from PUBLIC_TILE_URL at run time, so it is added here.
	if (csp)
		h.set('content-security-policy', csp.replace(/img-src ([^;]*)/, `img-src $1 ${tileOrigin}`));
	// event.url carries ORIGIN's protocol (or the proxy's, with PROTOCOL_HEADER).
	for (const [name, value] of Object.entries(securityHeaders(event.url))) h.set(name, value);
	// Anything shown to a signed-in person may be personal: never keep it in a shared cache.
	if (event.locals.user && !h.has('cache-control')) h.set('cache-control', 'private, no-store');
	return response;
};

// --- alerts: SvelteKit's form origin check, here so the one-click unsubscribe can pass ---
/** Refuses a form posted from another site, as SvelteKit would (see form-origin.ts). */
const handleFormOrigin: Handle = ({ event, resolve }) => {
	if (!crossSiteFormRefused(event.request, event.url, event.route.id)) return resolve(event);
	const message = `Cross-site ${event.request.method} form submissions are forbidden`;
	return event.request.headers.get('accept') === 'application/json'
		? Response.json({ message }, { status: 403 })
		: new Response(message, { status: 403 });
};
// --- end alerts ---

export const handle = sequence(
	handleFormOrigin,
	handleLocale,
	handleBodySize,
	handleSession,
	handleHeaders
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = randomToken(5);
	if (status >= 500) {
		log.error('request.error', {
			id,
			status,
			path: event.url.pathname,
			error: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	} else {
		log.info('request.not_found', { id, status, path: event.url.pathname });
	}
	return { message, id };
};
