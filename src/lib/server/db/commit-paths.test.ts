import { count, eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSignal } from '../broker/signals';
import { acceptAgreement, currentAgreementId } from '../lending/agreements';
import { makeLendingNeighbourhood } from '../testing/lending';
import { createPost } from '../posts/create';
import { respond } from '../posts/responses';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { openDatabase, type DB } from './client';
import { agreementAcceptances, posts, responses, signals } from './schema';
import { insertTestUser } from './test-db';
import { fillDisk } from './test-disk-full';
import type Database from 'better-sqlite3';

// The writes the issue saw answered as saved on a full disk: each must throw and store nothing.
let dir: string;
let db: DB;
let sqlite: Database.Database;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'naburig-paths-'));
	({ db, sqlite } = openDatabase(join(dir, 'paths.db')));
});

afterEach(() => {
	sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

function throwsWhileFull(write: () => unknown): void {
	const free = fillDisk();
	try {
		expect(write).toThrow(/disk I\/O error|full/i);
	} finally {
		free();
	}
}

const rows = (table: typeof posts | typeof responses | typeof signals) =>
	db.select({ n: count() }).from(table).get()!.n;

describe('on a full disk', () => {
	it('creating a post throws and stores no post', () => {
		const { resident, category } = makeNeighbourhood(db);
		const author = resident('Els');
		throwsWhileFull(() => createPost(db, author.id, makePostInput(category.id), true, 1000));
		expect(rows(posts)).toBe(0);
	});

	it('responding to a post throws and stores no response', () => {
		const { resident, category } = makeNeighbourhood(db);
		const created = createPost(db, resident('Els').id, makePostInput(category.id), true, 1000);
		if (!created.ok) throw new Error('the post was not created');
		const post = db
			.update(posts)
			.set({ status: 'open' })
			.where(eq(posts.id, created.post.id))
			.returning()
			.all()[0]!;
		const helper = resident('Jozef');
		throwsWhileFull(() => respond(db, post, helper.id, 'Ik kan helpen.', 2000));
		expect(rows(responses)).toBe(0);
	});

	it('filing a signal throws and stores no signal', () => {
		const { hood } = makeNeighbourhood(db);
		const volunteer = insertTestUser(db, { neighbourhoodId: hood.id });
		throwsWhileFull(() =>
			fileSignal(db, volunteer.id, { kind: 'service', about: 'De bus', body: 'Rijdt niet.' }, 1)
		);
		expect(rows(signals)).toBe(0);
	});

	it('accepting the borrower agreement throws and records no acceptance', () => {
		const { hoodId } = makeLendingNeighbourhood(db);
		const person = insertTestUser(db, { neighbourhoodId: hoodId });
		const agreementId = currentAgreementId(db, hoodId)!;
		throwsWhileFull(() =>
			acceptAgreement(db, { userId: person.id, agreementId, method: 'online' }, 1)
		);
		expect(
			db.select().from(agreementAcceptances).where(eq(agreementAcceptances.userId, person.id)).all()
		).toEqual([]);
	});
});
