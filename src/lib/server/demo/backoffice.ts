import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { neighbourhoods, services, users } from '../db/schema';
import { grantPartner, grantSteering } from '../backoffice/roles';
import { referByPartner } from '../backoffice/partner-referrals';
import { newId } from '../ids';
import { DEMO_TOTP_KEY } from './mode';

const DAY = 24 * 60 * 60 * 1000;

/** The demo's back-office accounts (issue 21): a partner of the OCMW, and a steering-group member. */
export const DEMO_PARTNER = {
	email: 'els@naburig.example',
	name: 'Els Peeters',
	service: 'OCMW Sociale dienst'
};
export const DEMO_STEERING = { email: 'wim@naburig.example', name: 'Wim Claes' };

/**
 * The back office of the demo neighbourhood: the number to call in danger after 112 (Belgium's
 * 1712 for violence and abuse), Els of the OCMW who refers people in, and Wim of the steering group.
 * Both sign in with the demo second factor. Accounts are made as residents and given their role
 * through the same functions a broker and an admin use.
 */
export function seedDemoBackoffice(db: DB, passwordHash: string, now: number): void {
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get();
	if (!hood) return;
	db.update(neighbourhoods)
		.set({
			urgentNumbers: JSON.stringify([
				{ label: '1712 — geweld, misbruik, kindermishandeling', phone: '1712' }
			])
		})
		.where(eq(neighbourhoods.id, hood.id))
		.run();
	const broker = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'an@naburig.example'))
		.get();
	const admin = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'griet@naburig.example'))
		.get();
	const ocmw = db
		.select({ id: services.id })
		.from(services)
		.where(and(eq(services.neighbourhoodId, hood.id), eq(services.name, DEMO_PARTNER.service)))
		.get();
	if (!broker || !admin || !ocmw) return;
	for (const person of [DEMO_PARTNER, DEMO_STEERING])
		db.insert(users)
			.values({
				id: newId(),
				email: person.email,
				emailVerifiedAt: now - 60 * DAY,
				passwordHash,
				displayName: person.name,
				totpKey: Buffer.from(decodeBase32IgnorePadding(DEMO_TOTP_KEY)),
				languages: JSON.stringify(['nl', 'fr']),
				createdAt: now - 60 * DAY
			})
			.run();
	const partner = grantPartner(db, broker.id, ocmw.id, DEMO_PARTNER.email, now - 50 * DAY);
	const steering = grantSteering(db, admin.id, hood.id, DEMO_STEERING.email, now - 50 * DAY);
	if (!partner.ok || !steering.ok) throw new Error('Demo back-office roles were refused');
	// Els referred someone this morning: an intake waiting on An's Today.
	const referred = referByPartner(
		db,
		partner.userId,
		{
			serviceId: ocmw.id,
			name: 'Georgette Willems',
			phone: '03 444 55 66',
			need: 'Ze is slecht te been sinds een val en zoekt iemand voor de boodschappen.',
			language: 'nl',
			contactWay: 'phone',
			consent: true,
			submissionKey: 'demo-referral-georgette-1'
		},
		now - 3 * 60 * 60 * 1000
	);
	if (!referred.ok) throw new Error('The demo referral was refused');
}
