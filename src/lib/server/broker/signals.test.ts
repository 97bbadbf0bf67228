import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import {
	brokerSignals,
	closeSignal,
	countSignals,
	fileSignal,
	getSignal,
	ownSignals,
	pickUpSignal
} from './signals';

const NOW = Date.UTC(2026, 10, 24, 10);

describe('signals', () => {
	it('goes received → picked up → closed; the volunteer never sees the note', () => {
		const db = createTestDb();
		const { resident, hood } = makeNeighbourhood(db);
		const jozef = resident('Jozef');
		const broker = resident('An', { role: 'broker' });
		const filed = fileSignal(
			db,
			jozef.id,
			{ kind: 'client', about: 'buurman nr 3', body: 'Hij eet slecht.' },
			NOW
		);
		if (!filed.ok) throw new Error(filed.error);
		expect(ownSignals(db, jozef.id)[0]!.status).toBe('received');
		expect(brokerSignals(db, [hood.id])).toHaveLength(1);
		expect(brokerSignals(db, [hood.id + 1])).toHaveLength(0);
		expect(pickUpSignal(db, broker.id, filed.signal, NOW + 1)).toBe(true);
		expect(ownSignals(db, jozef.id)[0]!.status).toBe('picked_up');
		expect(
			closeSignal(db, broker.id, getSignal(db, filed.signal.id)!, 'OCMW verwittigd', NOW + 2)
		).toBe(true);
		const own = ownSignals(db, jozef.id)[0]!;
		expect(own.status).toBe('closed');
		expect(JSON.stringify(own)).not.toContain('OCMW verwittigd');
		expect(getSignal(db, filed.signal.id)!.actionNote).toBe('OCMW verwittigd');
		expect(countSignals(db, [hood.id], NOW, NOW + 10)).toEqual({
			client: { filed: 1, closed: 1 },
			service: { filed: 0, closed: 0 },
			policy: { filed: 0, closed: 0 }
		});
	});

	it('lists open signals before closed ones', () => {
		const db = createTestDb();
		const { resident, hood } = makeNeighbourhood(db);
		const jozef = resident('Jozef');
		const broker = resident('An', { role: 'broker' });
		const first = fileSignal(db, jozef.id, { kind: 'policy', about: 'oud', body: 'x' }, NOW);
		if (!first.ok) throw new Error();
		closeSignal(db, broker.id, first.signal, 'klaar', NOW + 1);
		fileSignal(db, jozef.id, { kind: 'service', about: 'nieuw', body: 'y' }, NOW - 10);
		expect(brokerSignals(db, [hood.id]).map((r) => r.signal.about)).toEqual(['nieuw', 'oud']);
		expect(brokerSignals(db, null)).toHaveLength(2);
	});

	it('refuses someone without a neighbourhood', () => {
		const db = createTestDb();
		const { resident } = makeNeighbourhood(db);
		const nobody = resident('X', { neighbourhoodId: null });
		expect(fileSignal(db, nobody.id, { kind: 'policy', about: '', body: 'x' }, NOW)).toMatchObject({
			ok: false
		});
	});
});
