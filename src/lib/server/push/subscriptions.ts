import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { pushSubscriptions } from '../db/schema';
import { hashToken } from '../ids';
import { parseDeviceLabel, type Device } from './device';

/** A stored subscription, keys included. */
export type PushSubscription = typeof pushSubscriptions.$inferSelect;

/** What a browser hands over when it subscribes (PushSubscription.toJSON()). */
export interface NewSubscription {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** One device as its owner sees it: never the endpoint itself, only its hash to find "this one". */
export interface DeviceView extends Device {
	id: number;
	endpointHash: string;
	createdAt: number;
	lastSentAt: number | null;
}

/**
 * Saves a browser's subscription for this person. By endpoint: the same browser subscribing
 * again updates its keys, and a browser someone else used before (a shared phone, another
 * account signed in) now reaches only this person.
 */
export function saveSubscription(
	db: DbOrTx,
	userId: string,
	subscription: NewSubscription,
	label: string,
	now: number
): void {
	const values = { userId, ...subscription, label, createdAt: now, lastSentAt: null };
	db.insert(pushSubscriptions)
		.values(values)
		.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
		.run();
}

/** Removes one of this person's devices; false when it is not theirs or already gone. */
export function removeSubscription(db: DbOrTx, userId: string, id: number): boolean {
	const result = db
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
		.run();
	return result.changes > 0;
}

/** This person's devices, newest first. */
export function listDevices(db: DbOrTx, userId: string): DeviceView[] {
	return subscriptionsOf(db, userId).map((s) => ({
		id: s.id,
		endpointHash: hashToken(s.endpoint),
		...parseDeviceLabel(s.label),
		createdAt: s.createdAt,
		lastSentAt: s.lastSentAt
	}));
}

/** Every subscription of a person, with its keys: what a push is sent to. */
export function subscriptionsOf(db: DbOrTx, userId: string): PushSubscription[] {
	return db
		.select()
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
		.all();
}

/** Forgets subscriptions the push service says are gone for good. */
export function forgetSubscriptions(db: DbOrTx, ids: number[]): void {
	if (ids.length) db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, ids)).run();
}

/** Notes when these subscriptions last accepted a message. */
export function markDelivered(db: DbOrTx, ids: number[], now: number): void {
	if (ids.length)
		db.update(pushSubscriptions)
			.set({ lastSentAt: now })
			.where(inArray(pushSubscriptions.id, ids))
			.run();
}
