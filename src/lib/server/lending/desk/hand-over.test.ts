import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../../db/client';
import { createTestDb, insertTestUser } from '../../db/test-db';
import {
	auditLog,
	damageReports,
	fundingSources,
	loans,
	neighbourhoods,
	pickupPlaces,
	tasks,
	toolCategories,
	toolRepairs,
	tools
} from '../../db/schema';
import { createTask } from '../../tasks/tasks';
import { ensureToolCategories } from '../categories';
import { DeskError } from './errors';
import { checkIn, checkOut } from './hand-over';
import { backFromRepair, markInRepair, setToolOutOfService } from './repairs';
import { deskToday } from './today';
import { figuresPerFund, figuresPerTool } from '../figures';
import { borrowerHistory, toolHistory } from '../history';

let db: DB;
let hoodId: number;
let drill: number;
let ladder: number;
let grantId: number;
// 2026-03-10 10:00 in Brussels (UTC+1)
const NOW = Date.UTC(2026, 2, 10, 9, 0);

beforeEach(() => {
	db = createTestDb();
	ensureToolCategories(db);
	hoodId = db
		.insert(neighbourhoods)
		.values({
			slug: 't',
			name: 'Testwijk',
			boundary: '{}',
			centreLat: 51,
			centreLon: 3.7,
			phoneDutyNumber: '09',
			createdAt: 0
		})
		.returning()
		.all()[0]!.id;
	const place = db
		.insert(pickupPlaces)
		.values({ neighbourhoodId: hoodId, name: 'B', address: 'P 1' })
		.returning()
		.all()[0]!;
	grantId = db.insert(fundingSources).values({ name: 'KBS', funder: 'KBS' }).returning().all()[0]!
		.id;
	const cat = db.select().from(toolCategories).all()[0]!.id;
	const add = (assetTag: string, fund: number | null) =>
		db
			.insert(tools)
			.values({
				neighbourhoodId: hoodId,
				assetTag,
				name: assetTag,
				description: '',
				categoryId: cat,
				pickupPlaceId: place.id,
				fundingSourceId: fund,
				accessories: JSON.stringify(['koffer', 'boren']),
				createdAt: 0
			})
			.returning()
			.all()[0]!.id;
	drill = add('T-1', grantId);
	ladder = add('T-2', null);
});

function loan(
	toolId: number,
	borrowerId: string,
	startDate: string,
	endDate: string,
	status = 'reserved'
) {
	return db
		.insert(loans)
		.values({
			toolId,
			borrowerId,
			startDate,
			endDate,
			status: status as 'reserved',
			createdAt: 0
		})
		.returning()
		.all()[0]!.id;
}

describe('desk today', () => {
	it('lists pick-ups of today and returns due today or overdue', () => {
		const maria = insertTestUser(db, { displayName: 'Maria', phone: '0470' });
		const p1 = loan(drill, maria.id, '2026-03-10', '2026-03-12');
		loan(ladder, maria.id, '2026-03-11', '2026-03-12'); // tomorrow: not listed
		const r1 = loan(ladder, maria.id, '2026-03-01', '2026-03-09', 'on_loan');
		const t = deskToday(db, hoodId, NOW);
		expect(t.today).toBe('2026-03-10');
		expect(t.pickups.map((r) => r.loanId)).toEqual([p1]);
		expect(t.returns.map((r) => [r.loanId, r.overdue])).toEqual([[r1, true]]);
	});

	it('uses the local date: 23:30 UTC on the 9th is already the 10th in Brussels', () => {
		const maria = insertTestUser(db);
		loan(drill, maria.id, '2026-03-10', '2026-03-12');
		expect(deskToday(db, hoodId, Date.UTC(2026, 2, 9, 23, 30)).pickups).toHaveLength(1);
		expect(deskToday(db, hoodId, Date.UTC(2026, 2, 9, 22, 30)).pickups).toHaveLength(0);
	});
});

describe('check-out and check-in', () => {
	it('checks out, then in with a missing part and damage into repair', () => {
		const maria = insertTestUser(db);
		const staff = insertTestUser(db);
		const id = loan(drill, maria.id, '2026-03-10', '2026-03-12');
		checkOut(
			db,
			id,
			staff.id,
			{
				condition: 'good',
				partsOut: ['koffer', 'boren'],
				deposit: 'waived',
				waiverReason: 'low_income'
			},
			NOW
		);
		expect(db.select().from(tools).where(eq(tools.id, drill)).get()!.status).toBe('on_loan');
		const l = db.select().from(loans).where(eq(loans.id, id)).get()!;
		expect([l.status, l.deposit, l.depositWaiverReason]).toEqual([
			'on_loan',
			'waived',
			'low_income'
		]);
		const res = checkIn(
			db,
			id,
			staff.id,
			{
				condition: 'worn',
				partsBack: ['koffer'],
				damage: { description: 'Snoer kapot' },
				toRepair: { note: 'Snoer vervangen', expectedDate: '2026-03-20' }
			},
			NOW + 1000,
			'https://naburig.test'
		);
		expect(res.missingParts).toEqual(['boren']);
		expect(db.select().from(loans).where(eq(loans.id, id)).get()!.status).toBe('returned');
		expect(db.select().from(tools).where(eq(tools.id, drill)).get()!.status).toBe('in_repair');
		expect(db.select().from(damageReports).all()).toHaveLength(1);
		expect(db.select().from(toolRepairs).all()[0]!.expectedDate).toBe('2026-03-20');
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['loan.check_out', 'loan.check_in', 'tool.repair_start']);
	});

	it('closes every open call about the loan being late, also one from before an extension', () => {
		const maria = insertTestUser(db);
		const staff = insertTestUser(db);
		const id = loan(drill, maria.id, '2026-03-01', '2026-03-08', 'on_loan');
		const other = loan(ladder, maria.id, '2026-03-01', '2026-03-08', 'on_loan');
		const call = (loanId: number, endDate: string) =>
			createTask(
				db,
				{
					neighbourhoodId: hoodId,
					kind: 'loan_overdue_call',
					subjectUserId: maria.id,
					dedupeKey: `loan-overdue:${loanId}:${endDate}`,
					details: { loanId, tool: 'Boormachine', endDate }
				},
				NOW - 1000
			);
		call(id, '2026-03-05');
		call(id, '2026-03-08');
		call(other, '2026-03-08');
		checkIn(db, id, staff.id, { condition: 'good', partsBack: [] }, NOW, 'https://naburig.test');
		const done = db
			.select()
			.from(tasks)
			.all()
			.map((t) => [t.dedupeKey, t.doneAt, t.doneById, t.outcome]);
		expect(done).toEqual([
			[`loan-overdue:${id}:2026-03-05`, NOW, staff.id, 'returned'],
			[`loan-overdue:${id}:2026-03-08`, NOW, staff.id, 'returned'],
			[`loan-overdue:${other}:2026-03-08`, null, null, null]
		]);
	});

	it('refuses a waived deposit without a reason and a second check-out', () => {
		const maria = insertTestUser(db);
		const id = loan(drill, maria.id, '2026-03-10', '2026-03-12');
		expect(() =>
			checkOut(db, id, maria.id, { condition: 'good', partsOut: [], deposit: 'waived' }, NOW)
		).toThrow(DeskError);
		checkOut(db, id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		expect(() =>
			checkOut(db, id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW)
		).toThrow('desk_error_not_reserved');
	});
});

describe('repair, retire, missing', () => {
	it('flags reservations overlapping a repair and clears it when back', () => {
		const maria = insertTestUser(db, { displayName: 'Maria', phone: '0470' });
		const staff = insertTestUser(db);
		const hit = loan(drill, maria.id, '2026-03-15', '2026-03-16');
		loan(drill, maria.id, '2026-04-15', '2026-04-16'); // after the expected date
		markInRepair(db, drill, staff.id, { note: 'Motor', expectedDate: '2026-03-20' }, NOW);
		const f = deskToday(db, hoodId, NOW).flagged;
		expect(f.map((r) => [r.loanId, r.borrowerPhone])).toEqual([[hit, '0470']]);
		backFromRepair(db, drill, staff.id, NOW + 1, 'https://buurt.example');
		expect(deskToday(db, hoodId, NOW).flagged).toEqual([]);
		expect(db.select().from(tools).where(eq(tools.id, drill)).get()!.status).toBe('available');
	});

	it('retires and marks missing', () => {
		const staff = insertTestUser(db);
		setToolOutOfService(db, drill, staff.id, 'retired', 'broken', NOW);
		setToolOutOfService(db, ladder, staff.id, 'missing', null, NOW);
		expect(
			db
				.select({ s: tools.status })
				.from(tools)
				.orderBy(tools.id)
				.all()
				.map((t) => t.s)
		).toEqual(['retired', 'missing']);
	});
});

describe('history and figures', () => {
	it('gives known answers for March 2026', () => {
		const a = insertTestUser(db, { displayName: 'A' });
		const b = insertTestUser(db, { displayName: 'B' });
		loan(drill, a.id, '2026-02-27', '2026-03-02', 'returned'); // 2 days in March
		loan(drill, b.id, '2026-03-10', '2026-03-12', 'returned'); // 3 days
		loan(drill, a.id, '2026-03-30', '2026-04-02', 'on_loan'); // 2 days
		loan(ladder, b.id, '2026-03-05', '2026-03-05', 'returned'); // 1 day
		loan(ladder, a.id, '2026-03-20', '2026-03-22', 'cancelled'); // not counted
		const march = { from: '2026-03-01', to: '2026-04-01' };
		// Read in May, when March is over (before that, days to come would not count yet).
		const may = Date.UTC(2026, 4, 1);
		const per = figuresPerTool(db, [hoodId], march, may);
		expect(per.map((r) => [r.name, r.loans, r.daysOnLoan, r.borrowers])).toEqual([
			['T-1', 3, 7, 2],
			['T-2', 1, 1, 1]
		]);
		expect(per[0]!.utilisation).toBeCloseTo(7 / 31);
		const fund = figuresPerFund(db, [hoodId], march, may);
		expect(fund.map((r) => [r.name, r.loans, r.daysOnLoan, r.borrowers])).toEqual([
			['', 1, 1, 1],
			['KBS', 3, 7, 2]
		]);
		const h = toolHistory(db, drill)!;
		expect(h.loans.map((l) => l.borrowerName)).toEqual(['A', 'B', 'A']);
		expect(borrowerHistory(db, b.id)!.loans.map((l) => l.toolName)).toEqual(['T-1', 'T-2']);
	});
});
