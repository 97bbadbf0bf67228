import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureCategories } from '../categories/pilot';
import { users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { ensureToolCategories } from '../lending/categories';
import { log } from '../log';
import { setSetting } from '../settings';
import { prepareFirstStart } from './first-start';
import { demoEnabled, mayStartDemo } from './mode';

const NOW = Date.UTC(2026, 11, 4, 9);
afterEach(() => vi.restoreAllMocks());

function emptyDb() {
	const db = createTestDb();
	ensureCategories(db);
	ensureToolCategories(db);
	return db;
}
const people = (db: ReturnType<typeof createTestDb>) =>
	db.select({ n: count() }).from(users).get()!.n;

const local = { ORIGIN: 'http://localhost:3000' };
const publicOrigin = { ORIGIN: 'https://buurt.example.org' };

describe('whether a first start may become the demo site', () => {
	it.each([
		['a newcomer on localhost', local, true],
		['vite dev without ORIGIN', {}, true],
		['127.0.0.1', { ORIGIN: 'http://127.0.0.1:3000' }, true],
		['NODE_ENV=production on localhost', { ...local, NODE_ENV: 'production' }, false],
		['an https public ORIGIN', publicOrigin, false],
		['an http public ORIGIN', { ORIGIN: 'http://buurt.example.org' }, false],
		['behind a proxy without ORIGIN', { PROTOCOL_HEADER: 'x-forwarded-proto' }, false],
		['production with DEMO=0', { ...publicOrigin, DEMO: false }, false],
		['localhost with DEMO=0', { ...local, DEMO: false }, false],
		[
			'production with DEMO=1 (explicit)',
			{ ...publicOrigin, NODE_ENV: 'production', DEMO: true },
			true
		]
	])('%s: %s', (_label, settings, expected) => {
		expect(mayStartDemo(settings)).toBe(expected);
	});

	it('never turns demo mode on for a public site over a demo database unless DEMO=1', () => {
		expect(demoEnabled(local, true)).toBe(true);
		expect(demoEnabled(local, false)).toBe(false);
		expect(demoEnabled({ ...local, NODE_ENV: 'production' }, true)).toBe(false);
		expect(demoEnabled(publicOrigin, true)).toBe(false);
		expect(demoEnabled({ ...publicOrigin, DEMO: true }, false)).toBe(true);
		expect(demoEnabled({ ...local, DEMO: false }, true)).toBe(false);
	});
});

describe('the first start of an empty database', () => {
	it('creates no accounts on a production site and asks for a first administrator', async () => {
		const db = emptyDb();
		const start = await prepareFirstStart(
			db,
			{ NODE_ENV: 'production', ORIGIN: 'https://buurt.example.org' },
			NOW
		);
		expect(start).toEqual({ seeded: false, demo: false, needsAdmin: true });
		expect(people(db)).toBe(0);
	});

	it('creates no accounts for a public ORIGIN without NODE_ENV', async () => {
		const db = emptyDb();
		expect(await prepareFirstStart(db, publicOrigin, NOW)).toMatchObject({ seeded: false });
		expect(people(db)).toBe(0);
	});

	it('warns loudly when DEMO=1 makes a public site a demo site', async () => {
		const warn = vi.spyOn(log, 'warn');
		const db = emptyDb();
		const start = await prepareFirstStart(db, { ...publicOrigin, DEMO: true }, NOW);
		expect(start).toEqual({ seeded: true, demo: true, needsAdmin: false });
		expect(warn).toHaveBeenCalledWith(
			'demo.public_site',
			expect.objectContaining({
				message: expect.stringContaining('DEMO MODE IS ON FOR A PUBLIC SITE')
			})
		);
	});

	it('keeps demo mode off for a public site whose database holds demo data, and says so', async () => {
		const warn = vi.spyOn(log, 'warn');
		const db = emptyDb();
		setSetting(db, 'demo', '1');
		expect(await prepareFirstStart(db, { NODE_ENV: 'production', ...local }, NOW)).toEqual({
			seeded: false,
			demo: false,
			needsAdmin: true
		});
		expect(warn.mock.calls.map((c) => c[0])).toEqual(['demo.accounts_present', 'setup.no_admin']);
	});

	it('fills it with the demo neighbourhood for a newcomer on localhost', async () => {
		const db = emptyDb();
		const start = await prepareFirstStart(db, local, NOW);
		expect(start).toEqual({ seeded: true, demo: true, needsAdmin: false });
		expect(people(db)).toBeGreaterThan(5);
	});
});
