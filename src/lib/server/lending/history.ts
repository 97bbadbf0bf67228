import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { damageReports, loans, toolPhotos, toolRepairs, tools, users } from '../db/schema';

/** Everything that happened to one tool: loans with borrowers, repairs, damage. Desk only. */
export function toolHistory(d: DbOrTx, toolId: number) {
	const tool = d.select().from(tools).where(eq(tools.id, toolId)).get();
	if (!tool) return null;
	const loanRows = d
		.select({
			id: loans.id,
			status: loans.status,
			startDate: loans.startDate,
			endDate: loans.endDate,
			borrowerId: users.id,
			borrowerName: users.displayName,
			conditionOut: loans.conditionOut,
			conditionIn: loans.conditionIn,
			partsOut: loans.partsOut,
			partsBack: loans.partsBack
		})
		.from(loans)
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.where(eq(loans.toolId, toolId))
		.orderBy(desc(loans.startDate), desc(loans.id))
		.all()
		.map((l) => {
			const out: string[] = l.partsOut ? JSON.parse(l.partsOut) : [];
			const back: string[] | null = l.partsBack ? JSON.parse(l.partsBack) : null;
			return { ...l, missingParts: back ? out.filter((p) => !back.includes(p)) : [] };
		});
	const repairs = d
		.select()
		.from(toolRepairs)
		.where(eq(toolRepairs.toolId, toolId))
		.orderBy(desc(toolRepairs.startedAt))
		.all();
	const damage = d
		.select({
			id: damageReports.id,
			loanId: damageReports.loanId,
			description: damageReports.description,
			createdAt: damageReports.createdAt,
			photoKey: toolPhotos.fileKey,
			photoAlt: toolPhotos.altText
		})
		.from(damageReports)
		.leftJoin(toolPhotos, eq(toolPhotos.id, damageReports.photoId))
		.where(eq(damageReports.toolId, toolId))
		.orderBy(desc(damageReports.createdAt))
		.all();
	return { tool, loans: loanRows, repairs, damage };
}

/** What one person borrowed, newest first. Desk only. */
export function borrowerHistory(d: DbOrTx, userId: string) {
	const person = d
		.select({
			id: users.id,
			name: users.displayName,
			phone: users.phone,
			email: users.email,
			neighbourhoodId: users.neighbourhoodId
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!person) return null;
	const rows = d
		.select({
			id: loans.id,
			status: loans.status,
			startDate: loans.startDate,
			endDate: loans.endDate,
			toolId: tools.id,
			toolName: tools.name,
			assetTag: tools.assetTag,
			neighbourhoodId: tools.neighbourhoodId,
			conditionOut: loans.conditionOut,
			conditionIn: loans.conditionIn
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.where(eq(loans.borrowerId, userId))
		.orderBy(desc(loans.startDate), asc(loans.id))
		.all();
	return { person, loans: rows };
}
