import { describe, expect, it } from 'vitest';
import { checkOut } from './hand-over';
import { deskTools } from './today';
import { loanDone } from './done';
import { reserveTool } from '../reservations';
import { makeLendingNeighbourhood, NOW, ORIGIN } from '../../testing/lending';

describe('what the desk just did', () => {
	it('names the tool, its number, the borrower and the return date, for the desk of its neighbourhood only', () => {
		const f = makeLendingNeighbourhood();
		const fatima = f.borrower({ displayName: 'Fatima El Amrani' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: fatima.id, startDate: '2026-03-11', endDate: '2026-03-12' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, fatima.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		expect(loanDone(f.db, f.hoodId, loan.id)).toEqual({
			tool: 'Boormachine',
			assetTag: 'T-1',
			borrower: 'Fatima El Amrani',
			endDate: '2026-03-12',
			status: 'on_loan'
		});
		expect(loanDone(f.db, f.hoodId + 1, loan.id)).toBeNull();
		expect(loanDone(f.db, f.hoodId, loan.id + 1)).toBeNull();
	});
});

describe('the desk’s list of tools', () => {
	it('gives a booked tool on the shelf its first booked day, so it never reads as simply available', () => {
		const f = makeLendingNeighbourhood();
		const jan = f.borrower();
		const free = f.addTool('T-2');
		reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: jan.id, startDate: '2026-03-16', endDate: '2026-03-17' },
			NOW,
			ORIGIN
		);
		reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: jan.id, startDate: '2026-03-11', endDate: '2026-03-12' },
			NOW,
			ORIGIN
		);
		const list = deskTools(f.db, f.hoodId);
		expect(list.find((t) => t.id === f.drill)).toMatchObject({
			status: 'available',
			bookedFrom: '2026-03-11'
		});
		expect(list.find((t) => t.id === free)).toMatchObject({
			status: 'available',
			bookedFrom: null
		});
	});
});
