import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { categories, circles, users } from '../db/schema';
import { localDate, shiftDate } from '../calendar';
import { postMessage } from '../circles/board';
import { addMember, startCircle, updateSettings } from '../circles/circles';
import { addPlanItem, planView, takeSlot } from '../circles/plan';
import { setUpCheckIns } from '../check-ins/plans';

/**
 * The demo's care circles (issue 22): one around Gilbert, who lives alone, that Maria keeps going
 * with Jozef (a plan, a message, check-in calls by Jozef with Maria as contact person); and one
 * around Annie that Maria is not in, so a member of one circle can be seen not to open another.
 * Made through the same functions the pages use.
 */
export function seedDemoCircles(db: DB, now: number): void {
	const id = (name: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.displayName, name)).get()?.id;
	const [an, gilbert, annie, maria, jozef, fatima] = [
		'An Verhoeven',
		'Gilbert Hendrickx',
		'Annie Claes',
		'Maria Janssens',
		'Jozef Peeters',
		'Fatima El Amrani'
	].map(id);
	if (!an || !gilbert || !annie || !maria || !jozef || !fatima) return;
	const started = startCircle(db, { centreId: gilbert, startedById: an, byBroker: true }, now);
	if (!started.ok) throw new Error('The demo circle was refused');
	let circle = started.circle;
	for (const member of [maria, jozef]) addMember(db, circle.id, member, now);
	db.update(circles).set({ coordinatorId: maria }).where(eq(circles.id, circle.id)).run();
	updateSettings(
		db,
		circle,
		{ openSlots: 'broker', offerHoursBefore: 48, brokerMayRead: false },
		gilbert,
		now
	);
	circle = db.select().from(circles).where(eq(circles.id, circle.id)).get()!;
	const shopping = db
		.select({ id: categories.id })
		.from(categories)
		.where(eq(categories.slug, 'shopping'))
		.get();
	const today = localDate(now, 'Europe/Brussels');
	const plan = [
		{
			title: 'Boodschappen',
			note: 'Het lijstje hangt op de koelkast.',
			repeat: 'weekly' as const,
			date: shiftDate(today, 1),
			time: '10:00',
			durationMinutes: 60
		},
		{
			title: 'Vuilnisbak buiten zetten',
			note: '',
			repeat: 'weekly' as const,
			date: shiftDate(today, 2),
			time: '19:00',
			durationMinutes: 15
		},
		{
			title: 'Bezoek en koffie',
			note: '',
			repeat: 'once' as const,
			date: shiftDate(today, 4),
			time: '15:00',
			durationMinutes: 60
		}
	];
	for (const item of plan)
		addPlanItem(db, circle, { ...item, categoryId: shopping?.id ?? null }, maria, now);
	const first = planView(db, circle, now).find((s) => s.title === 'Boodschappen');
	// No one is told of a first take: the origin for links is not needed.
	if (first) takeSlot(db, circle, first.id, jozef, '', now);
	postMessage(
		db,
		circle.id,
		maria,
		'Gilbert vraagt of iemand zondag soep kan meebrengen.',
		'demo-circle-message-1',
		now
	);
	setUpCheckIns(
		db,
		{
			personId: gilbert,
			callerId: jozef,
			contactId: maria,
			weekdays: [1, 3, 5],
			time: '10:00',
			retryMinutes: 30,
			graceMinutes: 90,
			circleId: circle.id
		},
		an,
		now
	);
	const other = startCircle(db, { centreId: annie, startedById: an, byBroker: true }, now);
	if (other.ok) addMember(db, other.circle.id, fatima, now);
}
