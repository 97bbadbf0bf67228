import { eq } from 'drizzle-orm';
import {
	CHOOSABLE_CHANNELS,
	CHOOSABLE_TOPICS,
	type ChoosableChannel,
	type ChoosableTopic
} from '$lib/notify/channels';
import {
	minuteOfDay,
	timeOfDay,
	type ChannelState,
	type Reach,
	type UnusableReason
} from '$lib/notify/reach';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db/client';
import { channelPreferences, users } from '../db/schema';
import { canReach, channelChain, type Reachee, REACHEE_COLUMNS } from './chain';

/**
 * How a person is reached: which channel per topic (`channelPreferences`), which channels they
 * can use now, and their quiet hours (`users.quietFromMinute` / `quietUntilMinute`). The notify
 * core reads the same rows to choose a message's channel; this module is how they are set.
 */

type Person = Reachee & {
	quietFromMinute: number;
	quietUntilMinute: number;
	neighbourhoodId: number | null;
};

function personOf(db: DbOrTx, personId: string): Person | null {
	const row = db
		.select({
			...REACHEE_COLUMNS,
			quietFromMinute: users.quietFromMinute,
			quietUntilMinute: users.quietUntilMinute,
			neighbourhoodId: users.neighbourhoodId
		})
		.from(users)
		.where(eq(users.id, personId))
		.get();
	return row ?? null;
}

/** Why a channel the notify core cannot use for the person (`canReach`) is closed to them. */
function reasonOf(p: Person, channel: ChoosableChannel): UnusableReason {
	if (channel === 'email') return 'no_email';
	if (channel === 'push') return 'no_push';
	if (!p.phone) return 'no_phone';
	return p.phoneVerifiedAt === null ? 'phone_not_verified' : 'sms_stopped';
}

/** Which channels can reach the person now (the notify core's rule), and for each that cannot, why not. */
function channelStates(db: DbOrTx, p: Person): Record<ChoosableChannel, ChannelState> {
	const state = (c: ChoosableChannel): ChannelState =>
		canReach(db, p, c) ? { usable: true, reason: null } : { usable: false, reason: reasonOf(p, c) };
	return { email: state('email'), sms: state('sms'), push: state('push') };
}

/** The channel messages of a topic go by now: the first of the notify core's chain, if choosable. */
function currentChannel(db: DbOrTx, p: Person, topic: ChoosableTopic): ChoosableChannel | null {
	const first = channelChain(db, p, topic)[0];
	return first && (CHOOSABLE_CHANNELS as readonly string[]).includes(first)
		? (first as ChoosableChannel)
		: null;
}

/**
 * What the person chose (or the default, where they chose nothing or their choice cannot reach
 * them now), what each channel can do, and their quiet hours. Null when there is no such person.
 */
export function readReach(db: DbOrTx, personId: string): Reach | null {
	const p = personOf(db, personId);
	if (!p) return null;
	const chosen = new Map(
		db
			.select({ topic: channelPreferences.topic, channel: channelPreferences.channel })
			.from(channelPreferences)
			.where(eq(channelPreferences.userId, personId))
			.all()
			.map((r) => [r.topic, r.channel])
	);
	const topics = Object.fromEntries(
		CHOOSABLE_TOPICS.map((t) => [
			t,
			{ channel: currentChannel(db, p, t), chosen: chosen.get(t) ?? null }
		])
	) as Reach['topics'];
	const none = p.quietFromMinute === p.quietUntilMinute;
	return {
		topics,
		channels: channelStates(db, p),
		quiet: none
			? null
			: { from: timeOfDay(p.quietFromMinute), until: timeOfDay(p.quietUntilMinute) }
	};
}

export interface ReachInput {
	/** The channel per topic; a topic left out keeps what it had. */
	channels: Partial<Record<ChoosableTopic, ChoosableChannel>>;
	/** "HH:MM" quiet hours, or null for none (stored as from == until). */
	quiet: { from: string; until: string } | null;
}

export type SaveResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'unusable'; topic: ChoosableTopic };

/**
 * Saves how the person is reached. `setById` is the person themselves or a broker on the phone
 * for them; a broker's change is written to the audit log in the same transaction. A channel
 * that cannot reach the person now is refused, and then nothing changes.
 */
export function saveReach(
	db: DbOrTx,
	personId: string,
	setById: string,
	input: ReachInput,
	now: number
): SaveResult {
	return db.transaction((tx) => {
		const p = personOf(tx, personId);
		if (!p) return { ok: false, reason: 'not_found' };
		const states = channelStates(tx, p);
		for (const topic of CHOOSABLE_TOPICS) {
			const channel = input.channels[topic];
			if (channel && !states[channel].usable) return { ok: false, reason: 'unusable', topic };
		}
		for (const topic of CHOOSABLE_TOPICS) {
			const channel = input.channels[topic];
			if (!channel) continue;
			tx.insert(channelPreferences)
				.values({ userId: personId, topic, channel, setById, updatedAt: now })
				.onConflictDoUpdate({
					target: [channelPreferences.userId, channelPreferences.topic],
					set: { channel, setById, updatedAt: now }
				})
				.run();
		}
		// No quiet hours: the same minute twice, which the notify core reads as "never quiet".
		const from = input.quiet ? minuteOfDay(input.quiet.from) : 0;
		const until = input.quiet ? minuteOfDay(input.quiet.until) : 0;
		tx.update(users)
			.set({ quietFromMinute: from, quietUntilMinute: until })
			.where(eq(users.id, personId))
			.run();
		if (setById !== personId)
			recordAudit(
				tx,
				{
					actorId: setById,
					action: 'resident.reach_set',
					subjectType: 'user',
					subjectId: personId,
					neighbourhoodId: p.neighbourhoodId,
					detail: { channels: input.channels, quiet: input.quiet }
				},
				now
			);
		return { ok: true };
	});
}

/**
 * Which channels can reach the person now, with the reason for each that cannot (the same rule
 * the settings pages show); null when there is no such person.
 */
export function usableChannels(
	db: DbOrTx,
	personId: string
): Record<ChoosableChannel, ChannelState> | null {
	const p = personOf(db, personId);
	return p ? channelStates(db, p) : null;
}
