import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, residentNotes } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import { deleteAccount } from '../privacy/delete';
import { addResidentNote, readResidentNotes } from './notes';

describe('confidential notes', () => {
	it('are written and read with author and time, each logged without the text', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const bea = ctx.resident('Bea Broker', { role: 'broker' });
		const rosa = ctx.resident('Rosa');
		// Nothing to read: nothing logged.
		expect(readResidentNotes(db, rosa, bea.id, 1)).toEqual([]);
		addResidentNote(db, rosa, bea.id, 'Dochter belt wekelijks; sleutel bij buurvrouw.', 10);
		addResidentNote(db, rosa, bea.id, 'Wil liever gebeld worden na 10 uur.', 20);
		const notes = readResidentNotes(db, rosa, bea.id, 30);
		expect(notes.map((n) => [n.body, n.author, n.createdAt])).toEqual([
			['Wil liever gebeld worden na 10 uur.', 'Bea Broker', 20],
			['Dochter belt wekelijks; sleutel bij buurvrouw.', 'Bea Broker', 10]
		]);
		const audit = db.select().from(auditLog).all();
		expect(audit.map((a) => a.action)).toEqual(['note.write', 'note.write', 'note.read']);
		expect(audit.some((a) => a.detail.includes('sleutel'))).toBe(false);
	});

	it('go with the account when the person deletes it', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const bea = ctx.resident('Bea', { role: 'broker' });
		const rosa = ctx.resident('Rosa');
		addResidentNote(db, rosa, bea.id, 'Een notitie over Rosa.', 10);
		deleteAccount(db, rosa.id, 20);
		expect(db.select().from(residentNotes).where(eq(residentNotes.userId, rosa.id)).all()).toEqual(
			[]
		);
	});
});
