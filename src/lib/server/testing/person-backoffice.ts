import type { DB } from '../db/client';
import type { User } from '../db/schema';
import {
	partnerLinks,
	partnerReferrals,
	referralChecks,
	referrals,
	services,
	signalReplies,
	signals,
	steeringLinks
} from '../db/schema';

/**
 * Maria's rows in every back-office table (issue 21), for the privacy tests: a signal about her
 * that a broker linked, her answer after a referral, a partner's referral of her, and her own
 * partner and steering links (and, as a broker, things she did in others' records).
 */
export function makePersonBackoffice(
	db: DB,
	maria: User,
	jozef: User,
	hoodId: number,
	mariasPostId: number
) {
	const service = db
		.insert(services)
		.values({ neighbourhoodId: hoodId, name: 'Thuiszorg Zuid', createdAt: 0 })
		.returning()
		.all()[0]!;
	const about = db
		.insert(signals)
		.values({
			neighbourhoodId: hoodId,
			filedById: jozef.id,
			kind: 'client',
			consent: 'yes',
			about: 'Maria Janssens, Kazernestraat',
			body: 'Maria valt vaak, haar dochter woont ver.',
			subjectUserId: maria.id,
			recordedById: maria.id,
			bundleEditedById: maria.id,
			createdAt: 50
		})
		.returning()
		.all()[0]!;
	const own = db
		.select({ id: signals.id })
		.from(signals)
		.all()
		.find((s) => s.id !== about.id)!;
	db.insert(signalReplies)
		.values([
			{
				signalId: about.id,
				authorId: maria.id,
				body: 'Opgepakt, we gaan dinsdag langs.',
				createdAt: 51
			},
			{ signalId: own.id, authorId: jozef.id, body: 'Dank je, we bellen hem.', createdAt: 51 }
		])
		.run();
	const referral = db
		.insert(referrals)
		.values({ postId: mariasPostId, serviceId: service.id, brokerId: jozef.id, at: 52 })
		.returning()
		.all()[0]!;
	db.insert(referralChecks)
		.values({
			referralId: referral.id,
			status: 'answered',
			dueAt: 53,
			askedAt: 53,
			answer: 'partly',
			note: 'Maria zegt dat de thuiszorg te laat komt',
			action: 'Maria opnieuw bellen',
			answeredAt: 54,
			recordedById: maria.id,
			tokenHash: 'hash'
		})
		.run();
	db.insert(partnerLinks)
		.values({
			userId: maria.id,
			serviceId: service.id,
			grantedById: maria.id,
			grantedAt: 55,
			revokedById: maria.id,
			revokedAt: 56
		})
		.run();
	db.insert(steeringLinks)
		.values({
			userId: maria.id,
			neighbourhoodId: hoodId,
			grantedById: maria.id,
			grantedAt: 55,
			revokedById: maria.id,
			revokedAt: 56
		})
		.run();
	db.insert(partnerReferrals)
		.values({
			neighbourhoodId: hoodId,
			serviceId: service.id,
			partnerId: maria.id,
			name: 'Maria Janssens',
			phone: '015 41 22 87',
			need: 'Maria zoekt iemand voor de boodschappen',
			contactWay: 'phone',
			consentAt: 57,
			status: 'completed',
			statusAt: 58,
			residentId: maria.id,
			postId: mariasPostId,
			handledById: maria.id,
			createdAt: 57
		})
		.run();
	return { signalAbout: about, referral };
}
