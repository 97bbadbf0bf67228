import type { DB } from '../db/client';
import { partnerReferrals, posts, services, streets } from '../db/schema';
import { acceptResponse, respond } from '../posts/responses';
import { insertTestUser } from '../db/test-db';
import { brussels } from './dates';
import { makeNeighbourhood } from './posts';

/**
 * A neighbourhood's requests in 2026 with known answers for the reach monitor: each channel
 * (online, carer, phone intake, partner), first-time askers across months, streets with and
 * without requests, years of birth and people without e-mail.
 */
export function makeReachYear(db: DB) {
	const { hood, category, street: markt, resident } = makeNeighbourhood(db);
	const kerk = db
		.insert(streets)
		.values({ neighbourhoodId: hood.id, name: 'Kerkstraat', lat: 51, lon: 4 })
		.returning()
		.all()[0]!;
	const stil = db
		.insert(streets)
		.values({ neighbourhoodId: hood.id, name: 'Stille Straat', lat: 51, lon: 4 })
		.returning()
		.all()[0]!;
	const broker = resident('An', { role: 'broker' });
	const carer = resident('Dochter', { streetId: kerk.id });
	// Online askers on the Markt: one of them has asked before 2026.
	const online = Array.from({ length: 6 }, (_, i) =>
		resident(`Online ${i}`, { streetId: markt.id, email: `o${i}@test.example`, birthYear: 1960 })
	);
	// Without e-mail, registered at the phone intake, on the Kerkstraat: two over 75.
	const phoned = Array.from({ length: 5 }, (_, i) =>
		resident(`Telefoon ${i}`, {
			streetId: kerk.id,
			email: null,
			birthYear: i < 2 ? 1940 : i < 4 ? 1970 : null
		})
	);
	// Someone lives on the quiet street but never asked.
	resident('Stil', { streetId: stil.id });
	const service = db
		.insert(services)
		.values({ neighbourhoodId: hood.id, name: 'OCMW', createdAt: 0 })
		.returning()
		.all()[0]!;

	let n = 0;
	const post = (authorId: string, date: string, placedById: string | null = null) =>
		db
			.insert(posts)
			.values({
				kind: 'request',
				status: 'open',
				authorId,
				placedById,
				neighbourhoodId: hood.id,
				categoryId: category.id,
				title: `Vraag ${++n}`,
				body: 'x',
				exactLat: 51,
				exactLon: 4,
				approxCell: 'x',
				approxLat: 51,
				approxLon: 4,
				createdAt: brussels(date),
				updatedAt: brussels(date)
			})
			.returning()
			.all()[0]!;

	post(online[0]!.id, '2025-11-10'); // before the year: not a first-timer in 2026
	for (const [i, o] of online.entries()) post(o.id, i < 3 ? '2026-01-12' : '2026-02-03');
	// By a carer for her mother (placed by someone who is not a broker).
	post(phoned[4]!.id, '2026-02-20', carer.id);
	// Four phone intakes in March.
	for (const p of phoned.slice(0, 4)) post(p.id, '2026-03-05', broker.id);
	// One of them came in through a partner: placed by the broker, named by the referral.
	const viaPartner = post(phoned[0]!.id, '2026-03-20', broker.id);
	db.insert(partnerReferrals)
		.values({
			neighbourhoodId: hood.id,
			serviceId: service.id,
			name: 'Telefoon 0',
			need: 'x',
			contactWay: 'phone',
			consentAt: brussels('2026-03-18'),
			status: 'completed',
			statusAt: brussels('2026-03-20'),
			residentId: phoned[0]!.id,
			postId: viaPartner.id,
			createdAt: brussels('2026-03-18')
		})
		.run();
	// A draft never counts.
	db.insert(posts)
		.values({
			kind: 'request',
			status: 'draft',
			authorId: online[5]!.id,
			neighbourhoodId: hood.id,
			categoryId: category.id,
			title: 'Concept',
			body: 'x',
			exactLat: 51,
			exactLon: 4,
			approxCell: 'x',
			approxLat: 51,
			approxLon: 4,
			createdAt: brussels('2026-03-01'),
			updatedAt: brussels('2026-03-01')
		})
		.run();
	// Helpers of the Kerkstraat agreed to help in 2026.
	const helper = insertTestUser(db, { neighbourhoodId: hood.id, streetId: kerk.id });
	const response = respond(db, viaPartner, helper.id, 'Ik kom graag', brussels('2026-03-21'));
	if (!response.ok) throw new Error(response.error);
	acceptResponse(db, response.response.id, phoned[0]!.id, brussels('2026-03-22'));
	return { hood, markt, kerk, stil };
}
