import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { followUps, neighbourhoods, outbox } from '../db/schema';
import { followUpContext } from '../followup/worker';
import { callUsList } from '../neighbourhoods/call-us';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { firstName } from '../profile/public';
import type { Letter } from './letters';

/**
 * What a letter's print page shows besides the letter: who sends it (the neighbourhood, its phone
 * number, the broker's first name when one chose to show it), its time zone for the date, and for
 * a follow-up what the reply form asks about.
 */
export function letterSender(db: DbOrTx, letter: Pick<Letter, 'neighbourhoodId' | 'followUpId'>) {
	const hood =
		letter.neighbourhoodId === null
			? undefined
			: db
					.select({ id: neighbourhoods.id, name: neighbourhoods.name })
					.from(neighbourhoods)
					.where(eq(neighbourhoods.id, letter.neighbourhoodId))
					.get();
	const call = hood ? callUsList(db, { neighbourhoodId: hood.id })[0] : undefined;
	const own = call && call.neighbourhoodId === hood?.id ? call : null;
	return {
		neighbourhood: hood?.name ?? '',
		phone: own?.phone ?? null,
		callName: own?.broker?.firstName ?? null,
		timeZone: neighbourhoodSettings(db, letter.neighbourhoodId).timeZone,
		reply: letter.followUpId === null ? null : replyFor(db, letter.followUpId)
	};
}

/** The follow-up a reply form asks about: the other side's first name, and whether it is answered. */
function replyFor(db: DbOrTx, followUpId: number) {
	const followUp = db.select().from(followUps).where(eq(followUps.id, followUpId)).get();
	if (!followUp) return null;
	const { other } = followUpContext(db, followUp);
	return {
		followUpId,
		other: firstName(other.displayName),
		answered: followUp.answeredAt !== null
	};
}

/** The letters that asked this follow-up (the broker's follow-up page links to them). */
export function lettersAboutFollowUp(db: DbOrTx, followUpId: number) {
	return db
		.select({
			id: outbox.id,
			createdAt: outbox.createdAt,
			status: outbox.status,
			sentAt: outbox.sentAt
		})
		.from(outbox)
		.where(
			and(
				eq(outbox.channel, 'letter'),
				sql`json_extract(${outbox.about}, '$.followUpId') = ${followUpId}`
			)
		)
		.orderBy(asc(outbox.id))
		.all()
		.map((l) => ({
			id: l.id,
			createdAt: l.createdAt,
			printedAt: l.status === 'sent' ? l.sentAt : null
		}));
}
