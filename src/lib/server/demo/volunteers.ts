import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import {
	expenseClaims,
	gatherings,
	gatheringSignups,
	matches,
	neighbourhoods,
	trustBadges,
	users,
	volunteerAcceptances,
	volunteerAgreements
} from '../db/schema';
import { days, localDate, localInstant, shiftDate, shiftMonths } from '../calendar';
import type { AgreementSection } from '$lib/volunteers/lists';

const TZ = 'Europe/Brussels';

/** The demo neighbourhood's volunteer agreement, version 1, in Dutch and English. */
const AGREEMENT: Record<string, Record<AgreementSection, string>> = {
	nl: {
		tasks:
			'Je helpt een buur met wat je afspreekt: boodschappen, een rit, een klusje, een bezoek of een babbel.',
		not_tasks:
			'Geen verzorging of medicatie, geen geld beheren, geen sleutels bijhouden zonder afspraak met de buurtwerker.',
		discretion:
			'Wat je bij iemand thuis ziet of hoort, blijft onder jullie. Maak je je zorgen, dan vertel je het alleen aan de buurtwerker.',
		legal_reference:
			'Wet van 3 juli 2005 betreffende de rechten van vrijwilligers, art. 6; art. 458 Strafwetboek.',
		insurance:
			'Je bent verzekerd voor burgerlijke aansprakelijkheid en lichamelijke ongevallen tijdens je vrijwilligerswerk (polis via de gemeente).',
		damage_contact: 'Bij schade of een ongeval bel je meteen de buurtwerker: 015 00 00 00.',
		expenses:
			'Bus- en treintickets en parkeergeld betalen we terug. Vraag het binnen een maand aan op de site, met wat het was.',
		ending:
			'Je kan altijd stoppen: laat het de buurtwerker weten. Lopende hulp geven we samen door aan iemand anders.'
	},
	en: {
		tasks:
			'You help a neighbour with what you agree: shopping, a ride, a small job, a visit or a chat.',
		not_tasks:
			'No personal care or medication, no handling money, no keeping keys without agreeing it with the neighbourhood worker.',
		discretion:
			'What you see or hear in someone’s home stays between you. If you are worried, tell only the neighbourhood worker.',
		legal_reference:
			'Law of 3 July 2005 on the rights of volunteers, art. 6; art. 458 Criminal Code.',
		insurance:
			'You are insured for civil liability and physical accidents while volunteering (policy through the municipality).',
		damage_contact:
			'After damage or an accident, call the neighbourhood worker at once: 015 00 00 00.',
		expenses:
			'Bus and train tickets and parking are paid back. Ask for it on the site within a month, saying what it was for.',
		ending:
			'You can always stop: tell the neighbourhood worker. We hand over help still going on together.'
	}
};

/**
 * The demo's volunteering: an agreement Jozef accepted, an intervision in ten days, a discretion
 * training two months ago that Jozef attended (his training badge, with a yearly refresher) and
 * a bus ticket he asks to have paid back for a match.
 */
export function seedDemoVolunteering(db: DB, now: number): void {
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get();
	const person = (email: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
	const broker = person('an@naburig.example');
	const jozef = person('jozef@naburig.example');
	if (!hood || !broker || !jozef) return;
	const today = localDate(now, TZ);
	const at = (n: number, time: string) => localInstant(shiftDate(today, n), time, TZ);
	db.transaction((tx) => {
		const agreement = tx
			.insert(volunteerAgreements)
			.values({
				neighbourhoodId: hood.id,
				version: 1,
				body: JSON.stringify(AGREEMENT),
				publishedAt: now - days(90),
				publishedById: broker.id
			})
			.returning()
			.all()[0]!;
		tx.insert(volunteerAcceptances)
			.values({
				agreementId: agreement.id,
				userId: jozef.id,
				method: 'online',
				acceptedAt: now - days(80)
			})
			.run();
		tx.insert(gatherings)
			.values({
				neighbourhoodId: hood.id,
				kind: 'intervision',
				description:
					'We bespreken samen wat je meemaakt als vrijwilliger. Wat gezegd wordt, blijft in de groep.',
				place: 'Dienstencentrum De Schijf, zaal 2',
				startsAt: at(10, '19:00'),
				endsAt: at(10, '21:00'),
				capacity: 12,
				audience: 'volunteers',
				createdById: broker.id,
				createdAt: now - days(5)
			})
			.run();
		const training = tx
			.insert(gatherings)
			.values({
				neighbourhoodId: hood.id,
				kind: 'training',
				name: 'Discretie en beroepsgeheim',
				description: 'Wat mag je vertellen, aan wie, en wat blijft onder jullie?',
				place: 'Dienstencentrum De Schijf, zaal 1',
				startsAt: at(-60, '14:00'),
				endsAt: at(-60, '16:30'),
				capacity: 15,
				audience: 'volunteers',
				refresherMonths: 12,
				createdById: broker.id,
				createdAt: now - days(90),
				attendanceRecordedAt: at(-59, '10:00'),
				attendanceRecordedById: broker.id
			})
			.returning()
			.all()[0]!;
		tx.insert(gatheringSignups)
			.values({
				gatheringId: training.id,
				userId: jozef.id,
				status: 'signed_up',
				createdAt: now - days(80),
				attended: true
			})
			.run();
		tx.insert(trustBadges)
			.values({
				userId: jozef.id,
				kind: 'training',
				label: training.name,
				grantedById: broker.id,
				grantedAt: at(-59, '10:00'),
				checkedAt: training.startsAt,
				issuedAt: training.startsAt,
				expiresAt: localInstant(shiftMonths(shiftDate(today, -60), 12), '00:00', TZ),
				gatheringId: training.id,
				note: 'Aanwezig op de opleiding; de aanwezigheid is genoteerd door de buurtwerker.'
			})
			.run();
		const helped = tx
			.select({ id: matches.id })
			.from(matches)
			.where(eq(matches.helperId, jozef.id))
			.limit(1)
			.get();
		if (helped)
			tx.insert(expenseClaims)
				.values({
					neighbourhoodId: hood.id,
					matchId: helped.id,
					helperId: jozef.id,
					amountCents: 460,
					reason: 'Bus heen en terug naar de apotheek',
					createdAt: now - days(2)
				})
				.run();
	});
}
