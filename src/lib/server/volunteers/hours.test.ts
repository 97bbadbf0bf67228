import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { days } from '../calendar';
import { brussels } from '../testing/dates';
import { makeHelpWorld } from '../testing/volunteer-hours';
import { helperMinutes } from './hours';

const T = brussels('2026-03-02', '10:00');

describe("a helper's hours (helperMinutes)", () => {
	it("counts only the helper's own answers, not the other side's", () => {
		const db = createTestDb();
		const w = makeHelpWorld(db);
		const jan = w.resident('Jan Claes');
		const { match } = w.helped(jan, T);
		w.answered(match.id, jan.id, T + days(14), 90);
		// Rosa asked for help; whatever she answered is no helper's time.
		w.answered(match.id, w.rosa.id, T + days(14), 600);
		expect(helperMinutes(db, [jan.id, w.rosa.id])).toEqual(
			new Map([
				[jan.id, 90],
				[w.rosa.id, 0]
			])
		);
	});

	it('adds every round and match, and ignores answers without minutes', () => {
		const db = createTestDb();
		const w = makeHelpWorld(db);
		const jan = w.resident('Jan Claes');
		const first = w.helped(jan, T);
		const second = w.helped(jan, T + days(1));
		w.answered(first.match.id, jan.id, T + days(14), 60, 1);
		w.answered(first.match.id, jan.id, T + days(44), null, 2);
		w.answered(second.match.id, jan.id, T + days(15), 45);
		expect(helperMinutes(db, [jan.id]).get(jan.id)).toBe(105);
	});

	it('bounds the period by when the answer was given: from included, until not', () => {
		const db = createTestDb();
		const w = makeHelpWorld(db);
		const jan = w.resident('Jan Claes');
		const a = w.helped(jan, T);
		const b = w.helped(jan, T + days(1));
		const c = w.helped(jan, T + days(2));
		const from = T + days(20);
		const until = T + days(40);
		w.answered(a.match.id, jan.id, from - 1, 30);
		w.answered(b.match.id, jan.id, from, 60);
		w.answered(c.match.id, jan.id, until, 120);
		expect(helperMinutes(db, [jan.id], from, until).get(jan.id)).toBe(60);
		expect(helperMinutes(db, [jan.id], null, until).get(jan.id)).toBe(90);
		expect(helperMinutes(db, [jan.id], from).get(jan.id)).toBe(180);
	});

	it('gives nothing for nobody', () => {
		const db = createTestDb();
		expect(helperMinutes(db, [])).toEqual(new Map());
	});
});
