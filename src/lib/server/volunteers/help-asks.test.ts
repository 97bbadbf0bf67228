import { describe, expect, it } from 'vitest';
import { auditLog, helpAsks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';
import { askBroker, openHelpAsks, pickUpHelpAsk } from './help-asks';

const NOW = Date.UTC(2026, 10, 24, 9);

describe('a helper asks the neighbourhood worker for help', () => {
	it('waits on Today until a broker of the neighbourhood picks it up', () => {
		const db = createTestDb();
		const { hood, broker, helper, resident, category } = makeTrustNeighbourhood(db);
		const maria = resident('Maria Janssens');
		const match = makeMatch(db, category.id, maria, helper, 'active');
		const other = makeMatch(db, category.id, helper, maria, 'active');
		const me = { id: helper.id, neighbourhoodId: hood.id };
		// Only a match where they are the helper.
		expect(askBroker(db, me, { body: 'Help', matchId: other.id }, NOW)).toEqual({
			ok: false,
			error: 'match'
		});
		const asked = askBroker(db, me, { body: 'Maria belt elke avond.', matchId: match.id }, NOW);
		expect(asked.ok).toBe(true);
		expect(
			openHelpAsks(db, [hood.id]).map((a) => [a.helperName, a.body, a.title !== null])
		).toEqual([['Jozef Peeters', 'Maria belt elke avond.', true]]);
		const id = asked.ok ? asked.id : 0;
		// A broker of another neighbourhood cannot pick it up.
		expect(pickUpHelpAsk(db, id, broker.id, [hood.id + 1], NOW)).toBe('not_found');
		expect(pickUpHelpAsk(db, id, broker.id, [hood.id], NOW + 1)).toBe('picked_up');
		// A second click changes nothing and logs nothing more.
		expect(pickUpHelpAsk(db, id, broker.id, [hood.id], NOW + 2)).toBe('already');
		expect(openHelpAsks(db, [hood.id])).toEqual([]);
		expect(db.select({ by: helpAsks.handledById }).from(helpAsks).get()?.by).toBe(broker.id);
		expect(db.select({ action: auditLog.action }).from(auditLog).all()).toEqual([
			{ action: 'volunteer.help_ask_picked_up' }
		]);
	});

	it('needs a neighbourhood', () => {
		const db = createTestDb();
		expect(
			askBroker(db, { id: 'x', neighbourhoodId: null }, { body: 'Hoi', matchId: null }, NOW)
		).toEqual({
			ok: false,
			error: 'no_neighbourhood'
		});
	});
});
