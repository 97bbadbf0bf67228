import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ensureCategories } from '../categories/pilot';
import { localInstant } from '../calendar';
import { auditLog, neighbourhoods, signals, streets, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { seedDemoIfEmpty } from '../demo/seed';
import { ensureToolCategories } from '../lending/categories';
import { fileSignal, getSignal } from '../broker/signals';
import { bundleRows } from './bundle-csv';
import { bundleOf, parseQuarter, quarterBounds, quarterOf, saveBundleSummary } from './bundle';

const TZ = 'Europe/Brussels';
const NOW = localInstant('2026-11-20', '10:00', TZ);

async function demo() {
	const db = createTestDb();
	ensureCategories(db);
	ensureToolCategories(db);
	await seedDemoIfEmpty(db, NOW);
	const hood = db
		.select()
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get()!;
	const byEmail = (e: string) => db.select().from(users).where(eq(users.email, e)).get()!;
	return { db, hood, jozef: byEmail('jozef@naburig.example'), an: byEmail('an@naburig.example') };
}

describe('the quarter', () => {
	it('runs from the first local day of its first month to that of the next quarter', () => {
		expect(quarterOf(NOW, TZ)).toEqual({ year: 2026, q: 4 });
		expect(quarterOf(localInstant('2026-01-01', '00:30', TZ), TZ)).toEqual({ year: 2026, q: 1 });
		// 23:30 on 31 March UTC is already April in Brussels.
		expect(quarterOf(Date.UTC(2026, 2, 31, 23, 30), TZ)).toEqual({ year: 2026, q: 2 });
		expect(quarterBounds({ year: 2026, q: 4 }, TZ)).toEqual([
			localInstant('2026-10-01', '00:00', TZ),
			localInstant('2027-01-01', '00:00', TZ)
		]);
		expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, q: 3 });
		expect(parseQuarter('2026-Q5')).toBeNull();
	});
});

describe('the quarterly signal bundle (seed 004 §3.2)', () => {
	it('refuses a summary naming a demo resident, street, phone or e-mail, and keeps nothing', async () => {
		const { db, jozef, an } = await demo();
		const filed = fileSignal(
			db,
			jozef.id,
			{ kind: 'service', about: '', body: 'De bus rijdt niet.' },
			NOW
		);
		if (!filed.ok) throw new Error(filed.error);
		const tries = [
			'Maria Janssens geraakt niet meer naar de winkel.',
			'Op de Kazernestraat 12 is de stoep kapot.',
			'Bel haar op 0470 11 22 33.',
			'Mail naar maria@naburig.example voor meer.'
		];
		for (const summary of tries) {
			const r = saveBundleSummary(
				db,
				an.id,
				filed.signal,
				{ theme: 'mobility', summary, action: '', ready: true },
				NOW
			);
			expect(r).toMatchObject({ ok: false, field: 'summary', error: 'bundle_err_identifying' });
		}
		expect(
			saveBundleSummary(
				db,
				an.id,
				filed.signal,
				{ theme: 'mobility', summary: 'Een bewoner', action: 'Gebeld met Jozef', ready: true },
				NOW
			)
		).toMatchObject({ ok: false, field: 'action' });
		expect(getSignal(db, filed.signal.id)!.bundleSummary).toBeNull();
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'signal.bundle_ready')).all()
		).toEqual([]);
	});

	it('holds only ready summaries, by theme, and no name, street, phone or e-mail of any demo resident', async () => {
		const { db, hood, jozef, an } = await demo();
		const file = (kind: 'service' | 'policy' | 'client', body: string) => {
			const r = fileSignal(
				db,
				jozef.id,
				{ kind, about: 'Maria Janssens', body, consent: 'yes' },
				NOW
			);
			if (!r.ok) throw new Error(r.error);
			return r.signal;
		};
		const bus = file(
			'service',
			'Maria Janssens kan niet meer naar het OCMW: de bus 12 rijdt niet meer.'
		);
		const rent = file('policy', 'Jozef hoorde dat de huur op de Kazernestraat fors stijgt.');
		const draft = file('policy', 'Nog te bekijken.');
		const client = file('client', 'Een persoonlijk signaal.');
		const save = (
			s: typeof bus,
			theme: 'mobility' | 'housing',
			summary: string,
			action: string,
			ready: boolean
		) =>
			expect(saveBundleSummary(db, an.id, s, { theme, summary, action, ready }, NOW)).toEqual({
				ok: true
			});
		save(
			bus,
			'mobility',
			'Oudere bewoners geraken niet meer aan het loket sinds een buslijn verdween.',
			'Gemeld aan de mobiliteitsdienst.',
			true
		);
		save(
			rent,
			'housing',
			'Huurders in de sociale woningen vrezen een forse huurstijging.',
			'Besproken met de huisvestingsmaatschappij.',
			true
		);
		save(draft, 'housing', 'Nog niet klaar.', '', false);
		expect(
			saveBundleSummary(
				db,
				an.id,
				client,
				{ theme: 'care', summary: 'x', action: '', ready: true },
				NOW
			)
		).toMatchObject({
			ok: false,
			error: 'bundle_err_kind'
		});

		const bundle = bundleOf(db, [hood.id], { year: 2026, q: 4 });
		expect(bundle.map((t) => [t.theme, t.service, t.policy])).toEqual([
			['housing', 0, 1],
			['mobility', 1, 0]
		]);
		expect(bundleOf(db, [hood.id], { year: 2026, q: 3 })).toEqual([]);

		const everything = JSON.stringify(bundle) + JSON.stringify(bundleRows(bundle, 'nl'));
		const residents = db.select().from(users).where(eq(users.neighbourhoodId, hood.id)).all();
		const streetNames = db.select().from(streets).where(eq(streets.neighbourhoodId, hood.id)).all();
		const leaks: string[] = [];
		for (const r of residents) {
			for (const part of r.displayName.split(' ').filter((p) => p.length >= 3))
				if (everything.includes(part)) leaks.push(part);
			if (r.phone && everything.includes(r.phone)) leaks.push(r.phone);
			if (r.email && everything.includes(r.email)) leaks.push(r.email);
		}
		for (const s of streetNames) if (everything.includes(s.name)) leaks.push(s.name);
		expect(leaks).toEqual([]);
		// The volunteer's own words never go in.
		expect(everything).not.toContain('bus 12');
		expect(everything).not.toContain('Nog niet klaar');
		expect(db.select().from(signals).all().length).toBeGreaterThan(3);
	});
});
