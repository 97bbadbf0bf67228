import { neighbourhoodBrokers } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { makePostInput, makeNeighbourhood } from './posts';
import { registerResident, type IntakeInput } from '../broker/intake';

/** Time of the intake tests. */
export const INTAKE_NOW = Date.UTC(2026, 10, 24, 10);

/** A test neighbourhood with its broker, and a way for that broker to register Rosa by phone. */
export function intakeWorld() {
	const db = createTestDb();
	const t = makeNeighbourhood(db);
	const broker = t.resident('An', { role: 'broker' });
	db.insert(neighbourhoodBrokers).values({ neighbourhoodId: t.hood.id, userId: broker.id }).run();
	const register = (extra: Partial<IntakeInput> = {}) =>
		registerResident(
			db,
			broker,
			{
				displayName: 'Rosa',
				phone: '03 123 45 67',
				streetId: t.street.id,
				houseNumber: '12',
				languages: ['nl'],
				contactBy: 'phone',
				consent: true,
				...extra
			},
			INTAKE_NOW
		);
	return { db, ...t, broker, register };
}

/** Time and site address of the moderation tests. */
export const MODERATION_NOW = Date.UTC(2026, 10, 24, 9);
export const ORIGIN = 'https://buurt.example';

/** A newcomer whose posts wait for the check, a broker, and a way to post as the newcomer. */
export function moderationWorld() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const newcomer = ctx.resident('Nora Nieuw');
	const broker = ctx.resident('Bea', { role: 'broker' });
	const post = (key: string, at = MODERATION_NOW) => {
		const made = createPost(
			db,
			newcomer.id,
			makePostInput(ctx.category.id, { submissionKey: key }),
			true,
			at
		);
		if (!made.ok) throw new Error('post');
		return made.post;
	};
	return { db, ctx, newcomer, broker, post };
}
