import { and, asc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ToolStatus } from '$lib/lending/lists';
import type { DbOrTx } from '../db/client';
import { fundingSources, neighbourhoods, pickupPlaces, toolCategories, tools } from '../db/schema';
import { categoryName } from '../categories/pilot';
import type { DutySlot } from '../neighbourhoods/public';

/** A tool category as offered in the catalogue filter. */
export interface CatalogueCategory {
	id: number;
	slug: string;
	name: string;
}

/** One line of the public catalogue. */
export interface CatalogueItem {
	id: number;
	assetTag: string;
	name: string;
	description: string;
	status: ToolStatus;
	categoryName: string;
	pickupPlaceName: string;
}

/** What a visitor may filter on; both optional. */
export interface CatalogueFilter {
	/** Words to find in a tool's name or description. */
	text?: string;
	/** A tool category's slug. */
	category?: string;
}

/** The tool categories in their sort order, named in a language. */
export function listToolCategories(db: DbOrTx, locale: string): CatalogueCategory[] {
	return db
		.select()
		.from(toolCategories)
		.orderBy(asc(toolCategories.sortOrder), asc(toolCategories.id))
		.all()
		.map((c) => ({ id: c.id, slug: c.slug, name: categoryName(c.names, locale) }));
}

/** Escapes LIKE's wildcards so a visitor's "%" or "_" is matched literally (ESCAPE '\'). */
function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Tools per page of the catalogue: a phone shows them without a long wait or scroll. */
export const CATALOGUE_PAGE_SIZE = 24;

/** One page of the catalogue, with how many tools the filter found in all. */
export interface CataloguePage {
	items: CatalogueItem[];
	/** The page shown: the last one when the asked page is past the end. */
	page: number;
	pages: number;
	total: number;
}

/**
 * The public catalogue, one page at a time: every tool that is not retired, filtered in SQL (the
 * category filter uses the tools_category index), with its category and pick-up place joined and
 * the total found counted in the same query (a window over the filtered rows).
 */
export function searchCatalogue(
	db: DbOrTx,
	filter: CatalogueFilter,
	locale: string,
	page = 1
): CataloguePage {
	const conditions: SQL[] = [ne(tools.status, 'retired')];
	const text = filter.text?.trim();
	if (text) {
		// SQLite's LIKE ignores case for ASCII letters, which covers the tool names in use.
		const pattern = likePattern(text);
		conditions.push(
			or(
				sql`${tools.name} LIKE ${pattern} ESCAPE '\\'`,
				sql`${tools.description} LIKE ${pattern} ESCAPE '\\'`
			)!
		);
	}
	if (filter.category) conditions.push(eq(toolCategories.slug, filter.category));
	const query = (n: number) =>
		db
			.select({
				id: tools.id,
				assetTag: tools.assetTag,
				name: tools.name,
				description: tools.description,
				status: tools.status,
				categoryNames: toolCategories.names,
				pickupPlaceName: pickupPlaces.name,
				total: sql<number>`count(*) over ()`
			})
			.from(tools)
			.innerJoin(toolCategories, eq(toolCategories.id, tools.categoryId))
			.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
			.where(and(...conditions))
			.orderBy(asc(tools.name), asc(tools.id))
			.limit(CATALOGUE_PAGE_SIZE)
			.offset((n - 1) * CATALOGUE_PAGE_SIZE)
			.all();
	let rows = query(page);
	let shown = page;
	if (rows.length === 0 && page > 1) {
		// Past the end (an old bookmark, fewer tools now): the last page, found by a count.
		const total = query(1)[0]?.total ?? 0;
		shown = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
		rows = query(shown);
	}
	const total = rows[0]?.total ?? 0;
	return {
		items: rows.map((t) => ({
			id: t.id,
			assetTag: t.assetTag,
			name: t.name,
			description: t.description,
			status: t.status,
			categoryName: categoryName(t.categoryNames, locale),
			pickupPlaceName: t.pickupPlaceName
		})),
		page: shown,
		pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
		total
	};
}

/**
 * The id of the tool with this asset tag, ignoring case and surrounding spaces, or null. Tags are
 * written in capitals (KBS-003), so the exact capitalised form is tried first through the unique
 * index; the case-insensitive comparison only runs for a tag stored otherwise.
 */
export function findToolIdByTag(db: DbOrTx, tag: string): number | null {
	const wanted = tag.trim();
	if (!wanted) return null;
	const exact = db
		.select({ id: tools.id })
		.from(tools)
		.where(eq(tools.assetTag, wanted.toUpperCase()))
		.get();
	if (exact) return exact.id;
	const loose = db
		.select({ id: tools.id })
		.from(tools)
		.where(sql`lower(${tools.assetTag}) = lower(${wanted})`)
		.get();
	return loose?.id ?? null;
}

/** Everything about a tool that anyone may read, for its page and its label. */
export interface PublicTool {
	id: number;
	assetTag: string;
	name: string;
	description: string;
	instructions: string;
	safetyNotes: string;
	condition: 'new' | 'good' | 'fair' | 'worn';
	status: ToolStatus;
	categoryName: string;
	replacementValueCents: number;
	depositCents: number;
	accessories: string[];
	loanDaysDefault: number;
	loanDaysMax: number;
	funding: { name: string; funder: string; grantReference: string } | null;
	pickupPlace: { name: string; address: string; notes: string; openingHours: DutySlot[] };
	neighbourhood: { id: number; name: string; phoneDutyNumber: string };
}

/** One tool with its category, funding, pick-up place and neighbourhood, in one query; or null. */
export function getPublicTool(db: DbOrTx, id: number, locale: string): PublicTool | null {
	const row = db
		.select({
			tool: tools,
			categoryNames: toolCategories.names,
			fundingName: fundingSources.name,
			funder: fundingSources.funder,
			grantReference: fundingSources.grantReference,
			place: pickupPlaces,
			neighbourhoodName: neighbourhoods.name,
			phoneDutyNumber: neighbourhoods.phoneDutyNumber
		})
		.from(tools)
		.innerJoin(toolCategories, eq(toolCategories.id, tools.categoryId))
		.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		.leftJoin(fundingSources, eq(fundingSources.id, tools.fundingSourceId))
		.where(eq(tools.id, id))
		.get();
	if (!row) return null;
	const { tool, place } = row;
	return {
		id: tool.id,
		assetTag: tool.assetTag,
		name: tool.name,
		description: tool.description,
		instructions: tool.instructions,
		safetyNotes: tool.safetyNotes,
		condition: tool.condition,
		status: tool.status,
		categoryName: categoryName(row.categoryNames, locale),
		replacementValueCents: tool.replacementValueCents,
		depositCents: tool.depositCents,
		accessories: JSON.parse(tool.accessories) as string[],
		loanDaysDefault: tool.loanDaysDefault,
		loanDaysMax: tool.loanDaysMax,
		funding:
			row.fundingName === null
				? null
				: {
						name: row.fundingName,
						funder: row.funder ?? '',
						grantReference: row.grantReference ?? ''
					},
		pickupPlace: {
			name: place.name,
			address: place.address,
			notes: place.notes,
			openingHours: JSON.parse(place.openingHours) as DutySlot[]
		},
		neighbourhood: {
			id: row.tool.neighbourhoodId,
			name: row.neighbourhoodName,
			phoneDutyNumber: row.phoneDutyNumber
		}
	};
}
