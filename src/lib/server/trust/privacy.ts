import { eq } from 'drizzle-orm';
import { trustBadges } from '../db/schema';
import type { DeletionStep } from '../privacy/steps';

/**
 * Deleting an account removes the person's badges with the brokers' notes and reasons about
 * them: personal data, and no figure counts badges.
 */
export const trustDeletion: DeletionStep = {
	name: 'trust_badges',
	run: (tx, p) => tx.delete(trustBadges).where(eq(trustBadges.userId, p.id)).run()
};
