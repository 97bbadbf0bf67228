import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { letterKind, type LetterKind } from '$lib/letters';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { outbox, streets, users } from '../db/schema';

/**
 * Letters for people reached by letter: outbox rows on the 'letter' channel, which wait as
 * 'pending' until a broker prints them and marks them printed (then 'sent', delivered via
 * 'printed'). The person's neighbourhood decides which brokers see them, as for call tasks.
 */

/** One letter on the "letters to print" list. */
export interface LetterToPrint {
	id: number;
	createdAt: number;
	kind: LetterKind;
	subject: string;
	/** The language the letter is written in (the person's), for `lang` and `dir` on its subject. */
	locale: string;
	personId: string;
	name: string;
	street: string | null;
	houseNumber: string | null;
}

const isLetter = eq(outbox.channel, 'letter');
const waiting = and(isLetter, eq(outbox.status, 'pending'));

/** The letters still to print for people of these neighbourhoods, oldest first. */
export function lettersToPrint(db: DbOrTx, neighbourhoodIds: number[]): LetterToPrint[] {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: outbox.id,
			createdAt: outbox.createdAt,
			kind: outbox.kind,
			subject: outbox.subject,
			locale: outbox.locale,
			personId: users.id,
			name: users.displayName,
			street: streets.name,
			houseNumber: users.houseNumber
		})
		.from(outbox)
		.innerJoin(users, eq(users.id, outbox.userId))
		.leftJoin(streets, eq(streets.id, users.streetId))
		.where(and(waiting, inArray(users.neighbourhoodId, neighbourhoodIds)))
		.orderBy(asc(outbox.createdAt), asc(outbox.id))
		.all()
		.map((l) => ({ ...l, kind: letterKind(l.kind) }));
}

/** How many letters wait to be printed in these neighbourhoods (Today's line). */
export function countLettersToPrint(db: DbOrTx, neighbourhoodIds: number[]): number {
	if (neighbourhoodIds.length === 0) return 0;
	return db
		.select({ n: count() })
		.from(outbox)
		.innerJoin(users, eq(users.id, outbox.userId))
		.where(and(waiting, inArray(users.neighbourhoodId, neighbourhoodIds)))
		.get()!.n;
}

/** What a letter is about (the outbox row's `about`). */
export interface LetterAbout {
	followUpId?: number;
	postId?: number;
}

/** One letter with what its print page needs; null when there is no such letter. */
export function readLetter(db: DbOrTx, id: number) {
	const row = db
		.select({
			letter: outbox,
			name: users.displayName,
			neighbourhoodId: users.neighbourhoodId,
			street: streets.name,
			houseNumber: users.houseNumber
		})
		.from(outbox)
		.innerJoin(users, eq(users.id, outbox.userId))
		.leftJoin(streets, eq(streets.id, users.streetId))
		.where(and(eq(outbox.id, id), isLetter))
		.get();
	if (!row) return null;
	const about = JSON.parse(row.letter.about) as LetterAbout;
	return {
		id: row.letter.id,
		kind: letterKind(row.letter.kind),
		locale: row.letter.locale,
		subject: row.letter.subject,
		text: row.letter.textBody,
		createdAt: row.letter.createdAt,
		printedAt: row.letter.status === 'sent' ? row.letter.sentAt : null,
		personId: row.letter.userId!,
		name: row.name,
		street: row.street,
		houseNumber: row.houseNumber,
		neighbourhoodId: row.neighbourhoodId,
		followUpId: typeof about.followUpId === 'number' ? about.followUpId : null,
		postId: typeof about.postId === 'number' ? about.postId : null
	};
}

export type Letter = NonNullable<ReturnType<typeof readLetter>>;

export type MarkPrinted = { ok: true } | { ok: false; printedAt: number };

/**
 * Marks a letter printed, once: only a letter still waiting changes (and is audited). Marking
 * it again changes nothing and says when it was printed; printing it again needs no mark.
 */
export function markLetterPrinted(
	db: DB,
	letter: Pick<Letter, 'id' | 'neighbourhoodId' | 'personId'>,
	brokerId: string,
	now: number
): MarkPrinted {
	return db.transaction(
		(tx): MarkPrinted => {
			const marked = tx
				.update(outbox)
				.set({ status: 'sent', deliveredVia: 'printed', sentAt: now, lockedUntil: null })
				.where(and(eq(outbox.id, letter.id), waiting))
				.returning({ id: outbox.id })
				.all();
			if (marked.length === 0) {
				const row = tx
					.select({ sentAt: outbox.sentAt })
					.from(outbox)
					.where(eq(outbox.id, letter.id))
					.get();
				return { ok: false, printedAt: row?.sentAt ?? now };
			}
			recordAudit(
				tx,
				{
					actorId: brokerId,
					action: 'letter.print',
					subjectType: 'user',
					subjectId: letter.personId,
					neighbourhoodId: letter.neighbourhoodId,
					detail: { letter: letter.id }
				},
				now
			);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}
