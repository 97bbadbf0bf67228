import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { m } from '$lib/paraglide/messages.js';
import { baseLocale, locales } from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import { users, type User } from '../db/schema';
import { endMatch } from '../posts/responses';
import { cancelReservation } from '../lending/reservations';
import { grantDeskRole, removeDeskRole } from '../lending/desk/staff';
import { setContactShares } from '../talk/conversations';
import { makeCalendarNeighbourhood } from '../testing/calendar';
import { NOW, ORIGIN } from '../testing/lending';
import { makeFeed, stopFeed } from './addresses';
import { readFeed } from './read';

let f: ReturnType<typeof makeCalendarNeighbourhood>;
let maria: User;
let jozef: User;

beforeEach(() => {
	f = makeCalendarNeighbourhood();
	maria = f.resident('Maria Janssens', { phone: '0470 12 34 56' });
	jozef = f.resident('Jozef Peeters');
});

/** The feed's text, or the status it answered. */
function fetchFeed(token: string): string | number {
	const answer = readFeed(f.db, token, ORIGIN, NOW);
	return answer.ok ? answer.ics : answer.status;
}

/** The feed as a calendar app reads it: its VTIMEZONEs registered, its events parsed. */
function parse(ics: string | number) {
	if (typeof ics !== 'string') throw new Error(`the feed answered ${ics}`);
	const calendar = new ICAL.Component(ICAL.parse(ics));
	// Only this feed's zones: ical.js keeps registered zones between tests.
	ICAL.TimezoneService.reset();
	const zones = calendar.getAllSubcomponents('vtimezone');
	for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	return { calendar, zones, events };
}

const personFeed = (who: User) => makeFeed(f.db, { kind: 'person', userId: who.id }, NOW);
const named = (events: ICAL.Event[], summary: string) => {
	const found = events.filter((e) => e.summary === summary);
	expect(
		found,
		`one event "${summary}" in ${events.map((e) => e.summary).join(', ')}`
	).toHaveLength(1);
	return found[0]!;
};
const utc = (e: ICAL.Event) => e.startDate.toJSDate().toISOString();

describe('a person’s calendar feed', () => {
	it('shows their agreed help moment and their tool days, in their language, with stable UIDs', () => {
		const { post, match } = f.agreeHelp(
			maria,
			jozef,
			{ whenType: 'window', whenDate: '2026-07-01', whenFrom: '14:00', whenTo: '16:00' },
			NOW
		);
		const loan = f.reserve(maria, '2026-03-11', '2026-03-13', NOW);
		const token = personFeed(maria);
		const ics = fetchFeed(token);
		const { calendar, zones, events } = parse(ics);

		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Naburig');
		expect(events).toHaveLength(3);
		const help = named(events, `Jozef helpt je: ${post.title}`);
		// 14:00 summer time in Brussels is 12:00 UTC; the event names its zone.
		expect(help.startDate.zone.tzid).toBe('Europe/Brussels');
		expect(help.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(
			'Europe/Brussels'
		);
		expect(help.startDate.toString()).toBe('2026-07-01T14:00:00');
		expect(utc(help)).toBe('2026-07-01T12:00:00.000Z');
		expect(help.endDate.toJSDate().toISOString()).toBe('2026-07-01T14:00:00.000Z');
		expect(help.location).toBe('Thuis');
		expect(help.component.getFirstPropertyValue('url')).toBe(
			`${ORIGIN}/conversations/${match.responseId}`
		);
		expect(help.uid).toBe(`help-${match.id}@naburig.test`);

		const pickup = named(events, 'Boormachine ophalen');
		expect(pickup.startDate.isDate).toBe(true);
		expect(pickup.startDate.toString()).toBe('2026-03-11');
		expect(pickup.location).toBe('Dienstencentrum, Plein 1');
		expect(pickup.uid).toBe(`loan-${loan.id}-pickup@naburig.test`);
		const back = named(events, 'Boormachine terugbrengen');
		expect(back.startDate.toString()).toBe('2026-03-13');
		expect(back.uid).toBe(`loan-${loan.id}-return@naburig.test`);

		// The calendar holds the zone's rules: summer time from the last Sunday of March.
		expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Brussels']);
		expect(
			zones[0]!.getAllSubcomponents().map((c) => [c.name, c.getFirstPropertyValue('tzname')])
		).toEqual([
			['daylight', 'CEST'],
			['standard', 'CET']
		]);

		// Read again: the same events under the same UIDs, so a calendar updates rather than doubles.
		const again = parse(fetchFeed(token)).events;
		expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
	});

	it('puts moments either side of the change to summer time and back at the right instants', () => {
		const at = (whenDate: string) =>
			f.agreeHelp(
				maria,
				jozef,
				{ whenType: 'window', whenDate, whenFrom: '10:00', whenTo: '11:00' },
				NOW
			).post.title;
		// Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
		const days = ['2026-03-28', '2026-03-30', '2026-10-24', '2026-10-26'];
		for (const day of days) at(day);
		const { events } = parse(fetchFeed(personFeed(jozef)));
		const starts = events.map((e) => [e.startDate.toString(), utc(e)]);
		expect(starts).toEqual([
			['2026-03-28T10:00:00', '2026-03-28T09:00:00.000Z'],
			['2026-03-30T10:00:00', '2026-03-30T08:00:00.000Z'],
			['2026-10-24T10:00:00', '2026-10-24T08:00:00.000Z'],
			['2026-10-26T10:00:00', '2026-10-26T09:00:00.000Z']
		]);
		// The helper reads it from his side: whom he helps.
		expect(events[0]!.summary).toBe('Maria helpen: Lamp vervangen in de keuken');
	});

	it('shows a weekly help moment on its weekday, until the match ended', () => {
		const { match } = f.agreeHelp(
			maria,
			jozef,
			{ whenType: 'recurring', recurringDay: 4, recurringPart: 'afternoon' },
			NOW
		);
		const token = personFeed(jozef);
		const weekly = named(
			parse(fetchFeed(token)).events,
			'Maria helpen: Lamp vervangen in de keuken (namiddag)'
		);
		expect(weekly.isRecurring()).toBe(true);
		const next = weekly.iterator();
		// Agreed on Tuesday 10 March: the Thursdays from 12 March on.
		expect([next.next()!.toString(), next.next()!.toString()]).toEqual([
			'2026-03-12',
			'2026-03-19'
		]);
		endMatch(f.db, match.id, maria.id, 'done', null, NOW + 20 * 86_400_000);
		const ended = parse(fetchFeed(token)).events[0]!;
		expect(ended.component.getFirstPropertyValue('rrule')!.toString()).toContain('UNTIL=20260330');
	});

	it('shows the other side’s address only once it was shared with them', () => {
		const { match } = f.agreeHelp(
			maria,
			jozef,
			{ whenType: 'window', whenDate: '2026-04-02', whenFrom: '09:00', whenTo: '10:00' },
			NOW
		);
		const token = personFeed(jozef);
		expect(parse(fetchFeed(token)).events[0]!.location).toBeNull();
		expect(setContactShares(f.db, match.id, maria.id, { phone: true, address: true })).toBe(true);
		expect(parse(fetchFeed(token)).events[0]!.location).toBe('Markt 3');
		// The phone number she shared is for the conversation page, never the calendar.
		expect(fetchFeed(token)).not.toContain('0470');
	});

	it('never shows another person’s moments or tools', () => {
		const piet = f.resident('Piet Claes');
		const fatima = f.resident('Fatima El Amrani');
		f.agreeHelp(
			piet,
			fatima,
			{ whenType: 'date', whenDate: '2026-04-01', title: 'Tuin van Piet' },
			NOW
		);
		f.reserve(piet, '2026-03-11', '2026-03-12', NOW);
		f.agreeHelp(maria, jozef, { whenType: 'date', whenDate: '2026-04-03' }, NOW);
		const mine = fetchFeed(personFeed(maria));
		const { events } = parse(mine);
		expect(events.map((e) => e.summary)).toEqual(['Jozef helpt je: Lamp vervangen in de keuken']);
		expect(mine).not.toMatch(/Piet|Fatima|Boormachine/);
		// Piet's own feed does have them, so the search above was real.
		expect(parse(fetchFeed(personFeed(piet))).events.map((e) => e.summary)).toEqual([
			'Boormachine ophalen',
			'Boormachine terugbrengen',
			'Fatima helpt je: Tuin van Piet'
		]);
	});

	it('drops what was cancelled', () => {
		const { match } = f.agreeHelp(maria, jozef, { whenType: 'date', whenDate: '2026-04-03' }, NOW);
		const loan = f.reserve(maria, '2026-03-11', '2026-03-13', NOW);
		const token = personFeed(maria);
		expect(parse(fetchFeed(token)).events).toHaveLength(3);
		cancelReservation(f.db, loan.id, maria.id, 'borrower', NOW, ORIGIN);
		endMatch(f.db, match.id, maria.id, 'cancelled', null, NOW);
		expect(parse(fetchFeed(token)).events).toEqual([]);
	});

	it('reaches 30 days back, no further', () => {
		f.reserve(maria, '2026-03-11', '2026-03-13', NOW);
		const token = personFeed(maria);
		const read = (daysLater: number) => {
			const answer = readFeed(f.db, token, ORIGIN, NOW + daysLater * 86_400_000);
			return answer.ok ? parse(answer.ics).events.map((e) => e.startDate.toString()) : [];
		};
		// 11 April is 31 days after the pick-up on 11 March and 29 after the return on 13 March.
		expect(read(32)).toEqual(['2026-03-13']);
		expect(read(35)).toEqual([]);
	});

	it('writes titles in the person’s own language', () => {
		const sam = f.resident('Sam Smith', { locale: 'en' });
		f.reserve(sam, '2026-03-11', '2026-03-13', NOW);
		expect(parse(fetchFeed(personFeed(sam))).events.map((e) => e.summary)).toEqual([
			'Pick up Boormachine',
			'Bring back Boormachine'
		]);
	});

	it.each(locales.filter((l) => l !== baseLocale))(
		'writes its titles in the owner’s language (%s), the tool’s name set apart',
		(locale) => {
			const sam = f.resident('Sam Smith', { locale });
			f.reserve(sam, '2026-03-11', '2026-03-13', NOW);
			const tool = isolate('Boormachine', locale);
			expect(parse(fetchFeed(personFeed(sam))).events.map((e) => e.summary)).toEqual([
				m.calendar_pickup({ tool }, { locale }),
				m.calendar_return({ tool }, { locale })
			]);
		}
	);
});

describe('the secret address', () => {
	it('stops working when stopped, replaced, or when its person is deleted', () => {
		f.reserve(maria, '2026-03-11', '2026-03-13', NOW);
		const first = personFeed(maria);
		expect(typeof fetchFeed(first)).toBe('string');
		const second = personFeed(maria);
		expect(fetchFeed(first)).toBe(404);
		expect(typeof fetchFeed(second)).toBe('string');
		expect(stopFeed(f.db, { kind: 'person', userId: maria.id }, NOW)).toBe(true);
		expect(fetchFeed(second)).toBe(404);
		expect(stopFeed(f.db, { kind: 'person', userId: maria.id }, NOW)).toBe(false);

		const third = personFeed(maria);
		expect(typeof fetchFeed(third)).toBe('string');
		f.db.update(users).set({ status: 'deleted' }).where(eq(users.id, maria.id)).run();
		expect(fetchFeed(third)).toBe(404);
		// Made-up addresses find nothing either.
		expect(fetchFeed('x'.repeat(52))).toBe(404);
		expect(fetchFeed(third.slice(0, -1) + (third.endsWith('a') ? 'b' : 'a'))).toBe(404);
	});

	it('is read at most 20 times in a burst', () => {
		const token = personFeed(maria);
		const answers = Array.from({ length: 21 }, () => fetchFeed(token));
		expect(answers.filter((a) => typeof a === 'string')).toHaveLength(20);
		expect(answers.at(-1)).toBe(429);
	});
});

describe('the desk’s calendar feed', () => {
	it('lists the pick-ups and returns with first names only, while its owner runs the desk', () => {
		const broker = f.resident('An Verhoeven', { role: 'broker' });
		const nadia = f.resident('Nadia Desmet', { email: 'nadia@test.example' });
		grantDeskRole(f.db, f.hoodId, 'nadia@test.example', broker.id, NOW);
		const loan = f.reserve(maria, '2026-03-11', '2026-03-13', NOW);
		const token = makeFeed(
			f.db,
			{ kind: 'desk', userId: nadia.id, neighbourhoodId: f.hoodId },
			NOW
		);
		const ics = fetchFeed(token);
		const { calendar, events } = parse(ics);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Naburig – uitleenbalie');
		expect(events.map((e) => [e.summary, e.startDate.toString(), e.location])).toEqual([
			['Maria haalt Boormachine op', '2026-03-11', 'Dienstencentrum'],
			['Maria brengt Boormachine terug', '2026-03-13', 'Dienstencentrum']
		]);
		expect(events[0]!.component.getFirstPropertyValue('url')).toBe(
			`${ORIGIN}/desk/loans/${loan.id}`
		);
		// No surname, phone number or address of the borrower.
		expect(ics).not.toMatch(/Janssens|0470|Markt/);

		removeDeskRole(f.db, f.hoodId, nadia.id, broker.id, NOW);
		expect(fetchFeed(token)).toBe(404);
	});
});

describe('gatherings in a person’s feed', () => {
	it('shows the gatherings they are signed up for, from start to end, not the waiting or cancelled ones', async () => {
		const { gatherings, gatheringSignups } = await import('../db/schema');
		const add = (kind: 'training' | 'coffee_morning', name: string, day: number) =>
			f.db
				.insert(gatherings)
				.values({
					neighbourhoodId: jozef.neighbourhoodId!,
					kind,
					name,
					place: 'Buurthuis',
					startsAt: Date.UTC(2026, 3, day, 7),
					endsAt: Date.UTC(2026, 3, day, 9),
					audience: 'everyone',
					createdAt: NOW
				})
				.returning()
				.all()[0]!;
		const training = add('training', 'EHBO', 2);
		const coffee = add('coffee_morning', '', 3);
		const called = add('coffee_morning', '', 4);
		f.db.update(gatherings).set({ cancelledAt: NOW }).where(eq(gatherings.id, called.id)).run();
		const sign = (gatheringId: number, status: 'signed_up' | 'waiting') =>
			f.db
				.insert(gatheringSignups)
				.values({ gatheringId, userId: jozef.id, status, createdAt: NOW })
				.run();
		sign(training.id, 'signed_up');
		sign(coffee.id, 'waiting');
		sign(called.id, 'signed_up');
		const { events } = parse(fetchFeed(personFeed(jozef)));
		const name = isolate('EHBO', 'nl');
		const event = named(events, `Opleiding: ${name}`);
		expect(events).toHaveLength(1);
		expect(event.startDate.toString()).toBe('2026-04-02T09:00:00');
		expect(event.endDate.toJSDate().toISOString()).toBe('2026-04-02T09:00:00.000Z');
		expect(event.location).toBe(isolate('Buurthuis', 'nl'));
		expect(event.component.getFirstPropertyValue('url')).toBe(
			`${ORIGIN}/gatherings/${training.id}`
		);
	});
});
