import webpush from 'web-push';
import type { DB } from '../db/client';
import type { OutboxRow } from '../db/schema';
import { GoneForGood, type ChannelTransport } from '../notify/transport';
import {
	forgetSubscriptions,
	markDelivered,
	subscriptionsOf,
	type PushSubscription
} from './subscriptions';
import { vapidKeys } from './vapid';

/** What the service worker shows: see src/service-worker.ts. */
export interface PushMessage {
	title: string;
	body: string;
	url: string | null;
	/** One notification per outbox row: a resend after a crash replaces it instead of adding one. */
	tag: string;
}

export interface PushOptions {
	/** VAPID subject: `mailto:` address or the site's https address (see `vapidSubject`). */
	subject: string;
	now: () => number;
	/** Seconds a push service keeps a message for a phone that is off: a day, then it is stale. */
	ttlSeconds?: number;
	/** How long to wait for a push service's answer. */
	timeoutMs?: number;
}

/** The payload of a push row, as the service worker reads it. */
export function pushMessage(row: OutboxRow): PushMessage {
	return { title: row.subject, body: row.shortText ?? '', url: row.url, tag: `naburig-${row.id}` };
}

/**
 * Web Push: the row goes, encrypted (aes128gcm) and signed with the installation's VAPID key, to
 * every subscription of the person (`toAddress` is their id). Delivered when at least one push
 * service accepted it. A subscription answered 404 or 410 is gone and forgotten; with none left
 * the row can never go this way (GoneForGood, the worker falls back). Otherwise a retry.
 */
export function pushTransport(db: DB, options: PushOptions): ChannelTransport {
	const { subject, now, ttlSeconds = 24 * 60 * 60, timeoutMs = 10_000 } = options;
	return {
		name: 'webpush',
		async send(row) {
			const subscriptions = subscriptionsOf(db, row.toAddress);
			if (!subscriptions.length) throw new GoneForGood('no push subscription');
			const keys = vapidKeys(db);
			const payload = JSON.stringify(pushMessage(row));
			const results = await Promise.all(
				subscriptions.map((s) =>
					deliver(s, payload, {
						vapidDetails: { subject, ...keys },
						TTL: ttlSeconds,
						urgency: 'normal',
						contentEncoding: 'aes128gcm',
						timeoutMs
					})
				)
			);
			const delivered = subscriptions.filter((_, i) => results[i] === 'delivered');
			const gone = subscriptions.filter((_, i) => results[i] === 'gone');
			const at = now();
			db.transaction((tx) => {
				forgetSubscriptions(
					tx,
					gone.map((s) => s.id)
				);
				markDelivered(
					tx,
					delivered.map((s) => s.id),
					at
				);
			});
			if (delivered.length) return;
			if (gone.length === subscriptions.length)
				throw new GoneForGood('every push subscription is gone');
			const failure = results.find((r) => r instanceof Error);
			throw new Error(`push failed: ${failure instanceof Error ? failure.message : 'unknown'}`);
		}
	};
}

type Result = 'delivered' | 'gone' | Error;

interface DeliverOptions {
	vapidDetails: { subject: string; publicKey: string; privateKey: string };
	TTL: number;
	urgency: 'normal';
	contentEncoding: 'aes128gcm';
	timeoutMs: number;
}

/**
 * One POST to one push service. web-push encrypts and signs (generateRequestDetails); the request
 * itself goes through fetch, which has a whole-request timeout (web-push's own request is https
 * only and times out on silence alone).
 */
async function deliver(s: PushSubscription, payload: string, o: DeliverOptions): Promise<Result> {
	const { timeoutMs, ...pushOptions } = o;
	try {
		const request = webpush.generateRequestDetails(
			{ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
			payload,
			pushOptions
		);
		const response = await fetch(request.endpoint, {
			method: request.method,
			headers: request.headers as Record<string, string>,
			body: request.body ? new Uint8Array(request.body) : null,
			redirect: 'error',
			signal: AbortSignal.timeout(timeoutMs)
		});
		await response.body?.cancel();
		if (response.ok) return 'delivered';
		if (response.status === 404 || response.status === 410) return 'gone';
		return new Error(`push service answered ${response.status}`);
	} catch (e) {
		return e instanceof Error ? e : new Error(String(e));
	}
}
