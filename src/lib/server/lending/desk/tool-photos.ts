import { eq } from 'drizzle-orm';
import type { DB, DbOrTx } from '../../db/client';
import { tools, type Tool } from '../../db/schema';
import { recordAudit } from '../../audit/audit';
import { addToolPhoto, type StoredPhoto } from '../photos';

/** The tool whose photos the desk adds to; null when there is none. */
export function photoTool(d: DbOrTx, toolId: number): Tool | null {
	return d.select().from(tools).where(eq(tools.id, toolId)).get() ?? null;
}

/** Adds a photo to the tool's catalogue page, in the audit log in the same transaction. */
export function addCataloguePhoto(
	db: DB,
	tool: Pick<Tool, 'id' | 'neighbourhoodId'>,
	actorId: string,
	photo: StoredPhoto & { altText: string },
	now: number
): void {
	db.transaction((tx) => {
		const row = addToolPhoto(tx, tool.id, { ...photo, isDamage: false }, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'tool.photo_add',
				subjectType: 'tool',
				subjectId: tool.id,
				neighbourhoodId: tool.neighbourhoodId,
				detail: { photoId: row.id }
			},
			now
		);
	});
}
