import type { DB } from '../db/client';
import {
	alertSettings,
	auditLog,
	blocks,
	calendarFeeds,
	channelPreferences,
	conversationStates,
	followUpLinks,
	followUps,
	matches,
	matchProposals,
	matchShares,
	messages,
	phoneChecks,
	posts,
	pushSubscriptions,
	recoveryCodes,
	referrals,
	responses,
	reports,
	residentConsents,
	residentNotes,
	residentProxies,
	services,
	shortLinks,
	signals,
	tasks,
	trustBadges,
	users,
	type User
} from '../db/schema';
import { insertTestUser } from '../db/test-db';
import { eq } from 'drizzle-orm';
import { enqueueMail } from '../mail/outbox';
import { makePersonLending } from './person-lending';

/**
 * Gives Maria (a broker who also asks for and gives help, and borrows tools) a row in every table
 * that refers to a person, with her name in everything she wrote, for the deletion and download
 * tests. Jozef is the other side. Others' words that name her are only where PERSONAL_DATA keeps
 * them (a mail to Jozef).
 */
export function makePersonEverywhere(db: DB, maria: User, hoodId: number, categoryId: number) {
	const jozef = insertTestUser(db, {
		displayName: 'Jozef Peeters',
		email: 'jozef@test.example',
		neighbourhoodId: hoodId
	});
	db.update(users)
		.set({
			totpKey: Buffer.from('maria-totp-key'),
			totpLastStep: 10,
			contactBy: 'phone',
			callName: 'Maria',
			callPhoto: 'mariaphoto'
		})
		.where(eq(users.id, maria.id))
		.run();
	const post = (authorId: string, title: string, status: 'filled' | 'open' = 'open') =>
		db
			.insert(posts)
			.values({
				kind: 'request',
				status,
				authorId,
				neighbourhoodId: hoodId,
				categoryId,
				title,
				body: `${title}, graag.`,
				placeType: 'other',
				placeLabel: authorId === maria.id ? 'Bij Maria thuis' : 'Bij Jozef',
				exactLat: 51.0336,
				exactLon: 4.4853,
				approxCell: 'c',
				approxLat: 51,
				approxLon: 4,
				rejectionReason: authorId === maria.id ? 'Maria, schrijf je adres niet' : null,
				createdAt: 10,
				updatedAt: 10,
				publishedAt: 10
			})
			.returning()
			.all()[0]!;
	const mariasPost = post(maria.id, 'Maria zoekt hulp met de lamp', 'filled');
	const jozefsPost = post(jozef.id, 'Boodschappen voor Jozef', 'filled');
	const respond = (postId: number, responderId: string, message: string) =>
		db
			.insert(responses)
			.values({ postId, responderId, message, status: 'accepted', createdAt: 11 })
			.returning()
			.all()[0]!;
	const jozefHelps = respond(mariasPost.id, jozef.id, 'Ik kom helpen.');
	const mariaHelps = respond(jozefsPost.id, maria.id, 'Ik kan het, groetjes Maria');
	const match = (postId: number, responseId: number, helperId: string, requesterId: string) =>
		db
			.insert(matches)
			.values({ postId, responseId, helperId, requesterId, agreedAt: 12, madeById: maria.id })
			.returning()
			.all()[0]!;
	const helpedMaria = match(mariasPost.id, jozefHelps.id, jozef.id, maria.id);
	const helpedJozef = match(jozefsPost.id, mariaHelps.id, maria.id, jozef.id);
	db.update(matches)
		.set({ status: 'done', endedAt: 13, endedById: maria.id, endReason: 'Maria verhuist' })
		.where(eq(matches.id, helpedMaria.id))
		.run();
	db.insert(matchShares).values({ matchId: helpedJozef.id, userId: maria.id, phone: true }).run();
	db.insert(messages)
		.values({
			responseId: mariaHelps.id,
			senderId: maria.id,
			body: 'Tot morgen, Maria',
			createdAt: 12
		})
		.run();
	db.insert(conversationStates).values({ responseId: mariaHelps.id, userId: maria.id }).run();
	db.insert(reports)
		.values([
			{ reporterId: maria.id, personId: jozef.id, reason: 'Hij was onbeleefd', createdAt: 14 },
			{ reporterId: jozef.id, personId: maria.id, reason: 'Maria kwam niet', createdAt: 14 }
		])
		.run();
	db.insert(reports)
		.values({
			reporterId: jozef.id,
			personId: maria.id,
			reason: 'Maria Janssens weer',
			status: 'resolved',
			resolution: 'Gesproken met Maria',
			resolvedById: maria.id,
			createdAt: 15
		})
		.run();
	db.insert(blocks)
		.values([
			{ blockerId: maria.id, blockedId: jozef.id, createdAt: 15 },
			{ blockerId: jozef.id, blockedId: maria.id, createdAt: 15 }
		])
		.run();
	db.insert(trustBadges)
		.values({
			userId: maria.id,
			kind: 'met_in_person',
			grantedById: maria.id,
			grantedAt: 16,
			note: 'Maria thuis bezocht'
		})
		.run();
	const asked = db
		.insert(followUps)
		.values({
			matchId: helpedMaria.id,
			userId: maria.id,
			dueAt: 17,
			sentAt: 17,
			answeredAt: 18,
			answeredById: maria.id,
			outcome: 'went_well',
			comment: 'Fijn, Maria'
		})
		.returning()
		.all()[0]!;
	db.insert(followUps).values({ matchId: helpedJozef.id, userId: maria.id, dueAt: 99 }).run();
	db.insert(followUpLinks)
		.values({ tokenHash: 'follow-up-hash', followUpId: asked.id, createdAt: 17, expiresAt: 99 })
		.run();
	db.insert(tasks)
		.values([
			{
				neighbourhoodId: hoodId,
				kind: 'call_resident',
				subjectUserId: maria.id,
				details: '{"text":"Hallo Maria"}',
				createdAt: 19,
				dueAt: 19
			},
			{
				neighbourhoodId: hoodId,
				kind: 'call_resident',
				subjectUserId: jozef.id,
				createdAt: 19,
				dueAt: 19,
				doneAt: 20,
				doneById: maria.id,
				outcome: 'called'
			}
		])
		.run();
	const { booked, returned } = makePersonLending(db, maria, jozef, hoodId);
	db.insert(matchProposals)
		.values([
			{
				postId: jozefsPost.id,
				helperId: maria.id,
				brokerId: maria.id,
				note: 'Maria, Jozef hoort slecht',
				createdAt: 26
			},
			{
				postId: mariasPost.id,
				helperId: jozef.id,
				brokerId: jozef.id,
				note: 'Mevrouw Maria hoort slecht',
				createdAt: 26
			}
		])
		.run();
	db.insert(recoveryCodes)
		.values({ codeHash: 'recovery-hash', userId: maria.id, createdAt: 27 })
		.run();
	db.insert(residentConsents)
		.values({ userId: maria.id, recordedById: maria.id, recordedAt: 28 })
		.run();
	db.insert(residentProxies)
		.values({
			residentId: maria.id,
			proxyUserId: jozef.id,
			consentRecordedById: maria.id,
			consentAt: 28
		})
		.run();
	const service = db
		.insert(services)
		.values({ neighbourhoodId: hoodId, name: 'OCMW', createdAt: 0 })
		.returning()
		.all()[0]!;
	db.insert(referrals)
		.values({
			postId: mariasPost.id,
			serviceId: service.id,
			brokerId: maria.id,
			note: 'Maria doorverwezen',
			at: 29
		})
		.run();
	db.insert(signals)
		.values([
			{
				neighbourhoodId: hoodId,
				filedById: maria.id,
				kind: 'client',
				about: 'meneer uit nummer 9',
				body: 'Hij vereenzaamt.',
				createdAt: 30
			},
			{
				neighbourhoodId: hoodId,
				filedById: jozef.id,
				kind: 'service',
				body: 'De bus rijdt niet.',
				pickedUpById: maria.id,
				createdAt: 30
			}
		])
		.run();
	db.insert(residentNotes)
		.values([
			{ userId: maria.id, authorId: jozef.id, body: 'Maria belt liever', createdAt: 31 },
			{ userId: jozef.id, authorId: maria.id, body: 'Jozef hoort slecht', createdAt: 31 }
		])
		.run();
	db.insert(auditLog)
		.values([
			{ at: 32, actorId: maria.id, action: 'note.write', subjectType: 'user', subjectId: jozef.id },
			{ at: 32, actorId: jozef.id, action: 'note.read', subjectType: 'user', subjectId: maria.id },
			{
				at: 33,
				actorId: jozef.id,
				action: 'post.hide',
				subjectType: 'post',
				subjectId: String(mariasPost.id),
				detail: JSON.stringify({ reason: 'Maria Janssens zette haar adres erin' })
			}
		])
		.run();
	// How the site reaches her.
	db.insert(channelPreferences)
		.values({
			userId: maria.id,
			topic: 'follow_up',
			channel: 'sms',
			setById: jozef.id,
			updatedAt: 34
		})
		.run();
	db.insert(pushSubscriptions)
		.values({
			userId: maria.id,
			endpoint: 'https://push.test.example/maria',
			p256dh: 'key',
			auth: 'auth',
			label: 'Maria’s phone',
			createdAt: 34
		})
		.run();
	db.insert(phoneChecks)
		.values({
			userId: maria.id,
			phone: '+32470000001',
			codeHash: 'x',
			createdAt: 34,
			expiresAt: 35
		})
		.run();
	db.insert(shortLinks)
		.values({
			tokenHash: 'maria-link',
			userId: maria.id,
			target: 'sealed',
			createdAt: 34,
			expiresAt: 35
		})
		.run();
	db.insert(calendarFeeds)
		.values({ tokenHash: 'maria-feed', kind: 'person', userId: maria.id, createdAt: 34 })
		.run();
	db.insert(alertSettings)
		.values({ userId: maria.id, rhythm: 'daily', coveredUntil: 34, updatedAt: 34 })
		.run();
	// Jozef's copy of a mail about her: his, and kept (PERSONAL_DATA: outbox.text_body).
	enqueueMail(
		db,
		{
			to: 'jozef@test.example',
			userId: jozef.id,
			kind: 'test',
			locale: 'nl',
			subject: 'Nieuw bericht',
			text: 'Maria schreef je',
			html: '<p>Maria schreef je</p>'
		},
		33
	);
	return { jozef, booked, returned, mariasPost, jozefsPost, helpedJozef };
}
