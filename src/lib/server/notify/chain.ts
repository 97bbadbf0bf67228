import { and, eq } from 'drizzle-orm';
import type { Channel, ChoosableTopic, Topic } from '$lib/notify/channels';
import { CHOOSABLE_TOPICS } from '$lib/notify/channels';
import type { DbOrTx } from '../db/client';
import { channelPreferences, pushSubscriptions, users, type User } from '../db/schema';

/** The parts of a person that decide how they can be reached. */
export type Reachee = Pick<
	User,
	'id' | 'email' | 'phone' | 'phoneVerifiedAt' | 'smsStoppedAt' | 'contactBy' | 'status'
>;

/** The columns of `users` a Reachee is made of, for selects that need them beside others. */
export const REACHEE_COLUMNS = {
	id: users.id,
	email: users.email,
	phone: users.phone,
	phoneVerifiedAt: users.phoneVerifiedAt,
	smsStoppedAt: users.smsStoppedAt,
	contactBy: users.contactBy,
	status: users.status
};

/** Topics a letter goes out for (issue: follow-ups, reminders, "someone will help you"). */
const LETTER_TOPICS: readonly Topic[] = ['follow_up', 'reminder', 'proposal'];

/** The order channels are tried in after the person's own choice. */
const DEFAULT_ORDER: readonly Channel[] = ['email', 'push', 'sms'];

const isChoosable = (topic: Topic): topic is ChoosableTopic =>
	(CHOOSABLE_TOPICS as readonly Topic[]).includes(topic);

/** Whether the person can be reached on a channel right now (a letter: they asked for letters). */
export function canReach(db: DbOrTx, person: Reachee, channel: Channel): boolean {
	if (person.status === 'deleted') return false;
	switch (channel) {
		case 'email':
			return !!person.email;
		case 'sms':
			// Only a number the person proved is theirs, and never after they answered STOP.
			return !!person.phone && person.phoneVerifiedAt !== null && person.smsStoppedAt === null;
		case 'push':
			return (
				db
					.select({ id: pushSubscriptions.id })
					.from(pushSubscriptions)
					.where(eq(pushSubscriptions.userId, person.id))
					.limit(1)
					.get() !== undefined
			);
		case 'letter':
			return person.contactBy === 'letter';
	}
}

/** The channel the person chose for a topic, if they chose one. */
export function chosenChannel(db: DbOrTx, userId: string, topic: ChoosableTopic): Channel | null {
	return (
		db
			.select({ channel: channelPreferences.channel })
			.from(channelPreferences)
			.where(and(eq(channelPreferences.userId, userId), eq(channelPreferences.topic, topic)))
			.get()?.channel ?? null
	);
}

/**
 * The channels to try for a message, in order; a call task follows the last. Account mails go
 * by e-mail only (a code or link for the person at the screen), as do the site's other notices.
 * For a chosen topic: the person's choice first, then the other channels they can be reached
 * on, then a letter for someone who asked for letters.
 */
export function channelChain(db: DbOrTx, person: Reachee, topic: Topic): Channel[] {
	// Urgent: the channel they read reminders on, then every other one; never a slow letter.
	if (topic === 'urgent') {
		const chosen = chosenChannel(db, person.id, 'reminder');
		const order = [...(chosen ? [chosen] : []), ...DEFAULT_ORDER.filter((c) => c !== chosen)];
		return order.filter((c) => canReach(db, person, c));
	}
	if (!isChoosable(topic)) return canReach(db, person, 'email') ? ['email'] : [];
	const chosen = chosenChannel(db, person.id, topic);
	const order = [...(chosen ? [chosen] : []), ...DEFAULT_ORDER.filter((c) => c !== chosen)];
	if (LETTER_TOPICS.includes(topic)) order.push('letter');
	return order.filter((c) => canReach(db, person, c));
}

/** Whether quiet hours hold messages on this channel back (a code for the screen never waits). */
export function waitsForQuietHours(channel: Channel, topic: Topic): boolean {
	return (channel === 'sms' || channel === 'push') && topic !== 'account' && topic !== 'urgent';
}
