import { eq } from 'drizzle-orm';
import { localDate, shiftDate } from '../calendar';
import type { Tx } from '../db/client';
import { publishAgreement } from '../lending/agreements';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { seedDemoLoanHistory } from './loan-history';
import { DEMO_AGREEMENT, DEMO_GRANT, DEMO_PICKUP_PLACE, DEMO_TOOLS } from './tool-catalogue';
import {
	fundingSources,
	loans,
	pickupPlaces,
	toolCategories,
	toolRepairs,
	tools,
	users
} from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;

/** Adds the demo pick-up place, the grant and the tools to the demo neighbourhood. */
export function seedDemoTools(tx: Tx, neighbourhoodId: number, now: number): void {
	const place = tx
		.insert(pickupPlaces)
		.values({
			neighbourhoodId,
			...DEMO_PICKUP_PLACE,
			openingHours: JSON.stringify(DEMO_PICKUP_PLACE.openingHours)
		})
		.returning()
		.all()[0]!;
	const grant = tx.insert(fundingSources).values(DEMO_GRANT).returning().all()[0]!;
	const categoryIds = new Map(
		tx
			.select()
			.from(toolCategories)
			.all()
			.map((c) => [c.slug, c.id])
	);
	for (const t of DEMO_TOOLS) {
		tx.insert(tools)
			.values({
				neighbourhoodId,
				assetTag: t.tag,
				name: t.name,
				description: t.description,
				instructions: t.instructions,
				safetyNotes: t.safety,
				categoryId: categoryIds.get(t.category)!,
				replacementValueCents: t.value,
				depositCents: t.deposit,
				accessories: JSON.stringify(t.accessories),
				fundingSourceId: grant.id,
				pickupPlaceId: place.id,
				// Bought before the demo's eleven months of loan history.
				createdAt: now - 400 * DAY
			})
			.run();
	}
	publishAgreement(tx, neighbourhoodId, DEMO_AGREEMENT, null, now - 200 * DAY);
	seedDemoLoans(tx, neighbourhoodId, now);
}

/**
 * So the lending desk shows something on a fresh start: a lawn mower to hand over today, a hedge
 * trimmer due back today, a pressure washer that came back last month, and a wallpaper steamer
 * in repair with one reservation the desk must phone about.
 */
function seedDemoLoans(tx: Tx, neighbourhoodId: number, now: number): void {
	const tz = neighbourhoodSettings(tx, neighbourhoodId).timeZone;
	const today = localDate(now, tz);
	const day = (offset: number) => shiftDate(today, offset);
	const person = (email: string) =>
		tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
	const tool = (tag: string) => tx.select().from(tools).where(eq(tools.assetTag, tag)).get()!;
	const fatima = person('fatima@naburig.example');
	const jozef = person('jozef@naburig.example');
	const maria = person('maria@naburig.example');
	const an = person('an@naburig.example') ?? null;
	if (!fatima || !jozef || !maria) return;
	const mower = tool('KBS-005');
	tx.insert(loans)
		.values({
			toolId: mower.id,
			borrowerId: fatima,
			startDate: day(0),
			endDate: day(2),
			createdAt: now - 3 * DAY
		})
		.run();
	const trimmer = tool('KBS-004');
	tx.insert(loans)
		.values({
			toolId: trimmer.id,
			borrowerId: jozef,
			status: 'on_loan',
			startDate: day(-3),
			endDate: day(0),
			createdAt: now - 6 * DAY,
			checkedOutAt: now - 3 * DAY,
			checkedOutById: an,
			conditionOut: 'good',
			partsOut: trimmer.accessories
		})
		.run();
	tx.update(tools).set({ status: 'on_loan' }).where(eq(tools.id, trimmer.id)).run();
	const washer = tool('KBS-007');
	tx.insert(loans)
		.values({
			toolId: washer.id,
			borrowerId: maria,
			status: 'returned',
			startDate: day(-24),
			endDate: day(-21),
			createdAt: now - 30 * DAY,
			checkedOutAt: now - 24 * DAY,
			checkedOutById: an,
			conditionOut: 'good',
			partsOut: washer.accessories,
			deposit: 'taken',
			checkedInAt: now - 21 * DAY,
			checkedInById: an,
			conditionIn: 'good',
			partsBack: washer.accessories
		})
		.run();
	const steamer = tool('KBS-008');
	tx.insert(toolRepairs)
		.values({
			toolId: steamer.id,
			note: 'De slang lekt bij de koppeling. Nieuwe slang besteld.',
			expectedDate: day(7),
			startedAt: now - 2 * DAY,
			startedById: an
		})
		.run();
	tx.update(tools).set({ status: 'in_repair' }).where(eq(tools.id, steamer.id)).run();
	tx.insert(loans)
		.values({
			toolId: steamer.id,
			borrowerId: maria,
			startDate: day(3),
			endDate: day(5),
			createdAt: now - 10 * DAY
		})
		.run();
	seedDemoLoanHistory(tx, tz, an, now);
}
