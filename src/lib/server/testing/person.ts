import type { DB } from '../db/client';
import {
	categories,
	neighbourhoodBrokers,
	neighbourhoods,
	streets,
	userCategories
} from '../db/schema';
import { createEmailToken } from '../auth/email-tokens';
import { createSession } from '../auth/session';
import { insertTestUser } from '../db/test-db';
import { enqueueMail } from '../mail/outbox';
import { makePersonEverywhere } from './person-everywhere';
import { makePersonVolunteering } from './person-volunteering';
import { makePersonBackoffice } from './person-backoffice';
import { makePersonCircles } from './person-circles';

/** A person with something in every table the privacy functions cover; for unit tests only. */
export function makeFullPerson(db: DB, now = 1_000) {
	const hood = db
		.insert(neighbourhoods)
		.values({
			slug: 'oud-oefenplein',
			name: 'Oud-Oefenplein',
			boundary: '{}',
			centreLat: 51,
			centreLon: 4,
			createdAt: 0
		})
		.returning()
		.all()[0]!;
	const street = db
		.insert(streets)
		.values({ neighbourhoodId: hood.id, name: 'Kazernestraat', lat: 51, lon: 4 })
		.returning()
		.all()[0]!;
	const category = db
		.insert(categories)
		.values({ slug: 'shopping', names: JSON.stringify({ nl: 'Boodschappen', en: 'Shopping' }) })
		.returning()
		.all()[0]!;
	const person = insertTestUser(db, {
		email: 'maria@test.example',
		emailVerifiedAt: 5,
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$secret-hash',
		role: 'broker',
		displayName: 'Maria Janssens',
		phone: '015 41 22 87',
		locale: 'nl',
		languages: '["nl","fr"]',
		about: 'Ik hou van een babbel.',
		availability: '["mon-afternoon"]',
		neighbourhoodId: hood.id,
		streetId: street.id,
		houseNumber: '7',
		exactLat: 51.0336,
		exactLon: 4.4853,
		approxCell: '8a1fb46622dffff',
		approxLat: 51.034,
		approxLon: 4.486,
		statusReason: 'een notitie',
		createdAt: 100
	});
	db.insert(userCategories).values({ userId: person.id, categoryId: category.id }).run();
	db.insert(neighbourhoodBrokers).values({ userId: person.id, neighbourhoodId: hood.id }).run();
	const { token: sessionToken } = createSession(db, person.id, now);
	const emailToken = createEmailToken(
		db,
		person.id,
		'change_email',
		'maria.nieuw@test.example',
		now
	);
	enqueueMail(
		db,
		{
			to: 'maria@test.example',
			userId: person.id,
			kind: 'test',
			locale: 'nl',
			subject: 'Welkom, Maria',
			text: 'Hallo Maria',
			html: '<p>Hallo Maria</p>'
		},
		now
	);
	// A mail to the address without the user id, as the sign-up form sends to an existing address.
	enqueueMail(
		db,
		{ to: 'maria@test.example', kind: 'test', locale: 'nl', subject: 'Los', text: 'x', html: 'x' },
		now
	);
	const others = makePersonEverywhere(db, person, hood.id, category.id);
	const volunteering = makePersonVolunteering(
		db,
		person,
		others.jozef,
		hood.id,
		others.helpedJozef.id
	);
	const backoffice = makePersonBackoffice(db, person, others.jozef, hood.id, others.mariasPost.id);
	const circles = makePersonCircles(db, person, others.jozef, hood.id);
	return { person, sessionToken, emailToken, ...others, volunteering, backoffice, circles };
}
