import { and, eq, inArray, ne } from 'drizzle-orm';
import { DEFAULT_ALERT_DISTANCE } from '$lib/alerts/choices';
import type { AlertRhythm } from '$lib/notify/channels';
import type { DbOrTx } from '../db/client';
import { alertSettings, categories, userCategories, users } from '../db/schema';
import { log } from '../log';

/** What the form shows: the stored choices, or "never" for someone who never chose. */
export interface AlertChoices {
	rhythm: AlertRhythm;
	distanceMeters: number;
	/** Chosen category ids; empty means the categories the person helps with (their profile). */
	categories: number[];
}

/** The person's alert choices, as the form shows them. */
export function alertSettingsOf(db: DbOrTx, userId: string): AlertChoices {
	const row = db.select().from(alertSettings).where(eq(alertSettings.userId, userId)).get();
	if (!row) return { rhythm: 'never', distanceMeters: DEFAULT_ALERT_DISTANCE, categories: [] };
	return {
		rhythm: row.rhythm,
		distanceMeters: row.distanceMeters,
		categories: parseCategoryIds(row.categories)
	};
}

/** The stored JSON list of category ids; anything else reads as "none chosen". */
export function parseCategoryIds(json: string): number[] {
	const list: unknown = JSON.parse(json);
	return Array.isArray(list) ? list.filter((id): id is number => Number.isInteger(id)) : [];
}

export type SaveAlertsResult = { ok: true } | { ok: false; field: 'categories'; error: string };

/**
 * Saves a person's alert choices, or nothing when a category is not one in use. Switching alerts
 * on (from "never", or for the first time) starts from now: the first message tells of requests
 * published after this moment, never the months before. Changing between rhythms keeps the
 * place, so nothing is told twice or skipped.
 */
export function saveAlertSettings(
	db: DbOrTx,
	userId: string,
	input: AlertChoices,
	now: number
): SaveAlertsResult {
	const ids = [...new Set(input.categories)];
	const known = ids.length
		? db
				.select({ id: categories.id })
				.from(categories)
				.where(and(inArray(categories.id, ids), eq(categories.active, true)))
				.all()
		: [];
	if (known.length !== ids.length)
		return { ok: false, field: 'categories', error: 'alerts_err_category_unknown' };
	const before = db
		.select({ rhythm: alertSettings.rhythm })
		.from(alertSettings)
		.where(eq(alertSettings.userId, userId))
		.get();
	const values = {
		rhythm: input.rhythm,
		distanceMeters: input.distanceMeters,
		categories: JSON.stringify(ids.sort((a, b) => a - b)),
		updatedAt: now
	};
	const switchedOn = !before || (before.rhythm === 'never' && input.rhythm !== 'never');
	db.insert(alertSettings)
		.values({ userId, ...values, coveredUntil: now })
		.onConflictDoUpdate({
			target: alertSettings.userId,
			set: switchedOn ? { ...values, coveredUntil: now } : values
		})
		.run();
	log.info('alerts.saved', { user: userId, rhythm: input.rhythm });
	return { ok: true };
}

/** Stops a person's alerts (the unsubscribe link); true when they were on. */
export function stopAlerts(db: DbOrTx, userId: string, now: number): boolean {
	const changed = db
		.update(alertSettings)
		.set({ rhythm: 'never', updatedAt: now })
		.where(and(eq(alertSettings.userId, userId), ne(alertSettings.rhythm, 'never')))
		.run().changes;
	return changed > 0;
}

/** What the alerts page shows beside the choices: whether the person has a home to measure from, and what they help with. */
export function alertContext(
	db: DbOrTx,
	userId: string
): { hasHome: boolean; helpsWith: number[] } {
	const person = db
		.select({ lat: users.exactLat, hood: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const helpsWith = db
		.select({ id: userCategories.categoryId })
		.from(userCategories)
		.where(eq(userCategories.userId, userId))
		.all()
		.map((c) => c.id);
	return { hasHome: person?.lat != null && person.hood != null, helpsWith };
}
