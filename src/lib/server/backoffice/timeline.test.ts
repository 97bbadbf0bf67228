import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS } from '$lib/backoffice/lists';
import { auditLog, residentNotes, trustBadges } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeFullPerson } from '../testing/person';
import { cursorText, parseCursor, recordTimelineRead, timelinePage } from './timeline';

describe('one timeline per person (issue 21 §2)', () => {
	it('shows one item of each kind for a person with a row everywhere, newest first', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const all = timelinePage(db, person.id, { size: 500 });
		expect([...new Set(all.items.map((i) => i.kind))].sort()).toEqual([...TIMELINE_KINDS].sort());
		const ats = all.items.map((i) => i.at);
		expect(ats).toEqual([...ats].sort((a, b) => b - a));
		expect(all.next).toBeNull();
	});

	it('filters by kind', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const notes = timelinePage(db, person.id, { kinds: ['note'] });
		expect(notes.items.length).toBeGreaterThan(0);
		expect(new Set(notes.items.map((i) => i.kind))).toEqual(new Set(['note']));
		const two = timelinePage(db, person.id, { kinds: ['badge', 'signal'] });
		expect(new Set(two.items.map((i) => i.kind))).toEqual(new Set(['badge', 'signal']));
	});

	it('pages through hundreds of items without gaps or repeats, equal moments included', () => {
		const db = createTestDb();
		const person = insertTestUser(db, { displayName: 'Veel' });
		const author = insertTestUser(db, { displayName: 'An', role: 'broker' });
		// 250 notes, ten at each moment, and 40 badges at moments shared with the notes.
		for (let i = 0; i < 250; i++)
			db.insert(residentNotes)
				.values({
					userId: person.id,
					authorId: author.id,
					body: `n${i}`,
					createdAt: 1000 + Math.floor(i / 10)
				})
				.run();
		for (let i = 0; i < 40; i++)
			db.insert(trustBadges)
				.values({
					userId: person.id,
					kind: 'met_in_person',
					grantedById: author.id,
					grantedAt: 1000 + i,
					note: 'x'
				})
				.run();
		const seen: string[] = [];
		let before = null;
		let pages = 0;
		do {
			const page = timelinePage(db, person.id, { before, size: 30 });
			seen.push(...page.items.map((i) => `${i.kind}${i.id}`));
			before = page.next ? parseCursor(cursorText(page.next)) : null;
			pages++;
		} while (before && pages < 100);
		expect(pages).toBe(10);
		expect(seen).toHaveLength(290);
		expect(new Set(seen).size).toBe(290);
	});

	it('refuses a made-up cursor, and logs each read', () => {
		expect(parseCursor('1.hacker.2')).toBeNull();
		expect(parseCursor("1.note.2' or 1=1")).toBeNull();
		expect(parseCursor('1700000000000.note.12')).toEqual({
			at: 1700000000000,
			kind: 'note',
			id: 12
		});
		const db = createTestDb();
		const person = insertTestUser(db);
		const broker = insertTestUser(db, { role: 'broker' });
		recordTimelineRead(db, broker.id, { id: person.id, neighbourhoodId: null }, 3, 5);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => [a.action, a.subjectId])
		).toEqual([['timeline.read', person.id]]);
	});
});
