import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, users, volunteerAcceptances, volunteerAgreements } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { currentVolunteerAgreementId } from './agreement-status';
import { volunteerIds } from './who';
import { AGREEMENT_SECTIONS, type AgreementSection } from '$lib/volunteers/lists';
import type { AcceptanceMethod } from '$lib/lending/lists';

/** The broker's words per language, each an object of section → text; Dutch is always there. */
export type AgreementBody = Record<string, Partial<Record<AgreementSection, string>>>;

/** The newest version of a neighbourhood's volunteer agreement with all its languages, or null. */
export function latestVolunteerAgreement(d: DbOrTx, neighbourhoodId: number) {
	const row = d
		.select()
		.from(volunteerAgreements)
		.where(eq(volunteerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(volunteerAgreements.version))
		.limit(1)
		.get();
	return row
		? {
				id: row.id,
				version: row.version,
				publishedAt: row.publishedAt,
				body: JSON.parse(row.body) as AgreementBody
			}
		: null;
}

/**
 * The current version in one language, section by section in the fixed order. A language the
 * broker did not write falls back to Dutch as a whole, so a reader never gets a mix.
 */
export function currentVolunteerAgreement(d: DbOrTx, neighbourhoodId: number, locale: string) {
	const latest = latestVolunteerAgreement(d, neighbourhoodId);
	if (!latest) return null;
	const written = (l: string) => AGREEMENT_SECTIONS.some((s) => latest.body[l]?.[s]?.trim());
	const lang = written(locale) ? locale : 'nl';
	const texts = latest.body[lang] ?? {};
	return {
		id: latest.id,
		version: latest.version,
		publishedAt: latest.publishedAt,
		lang,
		sections: AGREEMENT_SECTIONS.map((section) => ({ section, text: texts[section] ?? '' })).filter(
			(s) => s.text.trim() !== ''
		)
	};
}

/** Every version of the neighbourhood's agreement, newest first, with who published it. */
export function volunteerAgreementVersions(d: DbOrTx, neighbourhoodId: number) {
	return d
		.select({
			id: volunteerAgreements.id,
			version: volunteerAgreements.version,
			publishedAt: volunteerAgreements.publishedAt,
			publishedBy: users.displayName
		})
		.from(volunteerAgreements)
		.leftJoin(users, eq(users.id, volunteerAgreements.publishedById))
		.where(eq(volunteerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(volunteerAgreements.version))
		.all();
}

export class VolunteerAgreementError extends Error {
	constructor(
		public code:
			| 'volunteers_err_agreement_dutch'
			| 'volunteers_err_agreement_outdated'
			| 'volunteers_err_no_agreement'
	) {
		super(code);
	}
}

/**
 * Publishes a new version, never an edit of the old one: an acceptance always names the text
 * the helper read, so everyone accepts the new version again. Dutch is required in every section.
 */
export function publishVolunteerAgreement(
	d: DbOrTx,
	neighbourhoodId: number,
	body: AgreementBody,
	publishedById: string | null,
	now: number
): number {
	if (AGREEMENT_SECTIONS.some((s) => !body.nl?.[s]?.trim()))
		throw new VolunteerAgreementError('volunteers_err_agreement_dutch');
	const last = currentVolunteerAgreementId(d, neighbourhoodId);
	const version = (last?.version ?? 0) + 1;
	const id = d
		.insert(volunteerAgreements)
		.values({
			neighbourhoodId,
			version,
			body: JSON.stringify(body),
			publishedAt: now,
			publishedById
		})
		.returning({ id: volunteerAgreements.id })
		.all()[0]!.id;
	recordAudit(
		d,
		{
			actorId: publishedById,
			action: 'volunteers.agreement_published',
			subjectType: 'neighbourhood',
			subjectId: neighbourhoodId,
			neighbourhoodId,
			detail: { version, languages: Object.keys(body) }
		},
		now
	);
	return id;
}

/** How and when a person accepted the current version; null when they have not (yet). */
export function currentVolunteerAcceptance(d: DbOrTx, userId: string, neighbourhoodId: number) {
	const current = currentVolunteerAgreementId(d, neighbourhoodId);
	if (!current) return null;
	return (
		d
			.select({
				id: volunteerAcceptances.id,
				method: volunteerAcceptances.method,
				acceptedAt: volunteerAcceptances.acceptedAt
			})
			.from(volunteerAcceptances)
			.where(
				and(
					eq(volunteerAcceptances.agreementId, current.id),
					eq(volunteerAcceptances.userId, userId)
				)
			)
			.get() ?? null
	);
}

/**
 * A helper accepts a version: online themselves, or on paper / read aloud as a broker records it
 * (audited). Only the current version can be accepted (a page left open while a new one was
 * published must show the new text first). Accepting twice keeps the first.
 */
export function acceptVolunteerAgreement(
	d: DbOrTx,
	input: {
		userId: string;
		agreementId: number;
		method: AcceptanceMethod;
		recordedById?: string | null;
	},
	now: number
): number {
	const agreement = d
		.select()
		.from(volunteerAgreements)
		.where(eq(volunteerAgreements.id, input.agreementId))
		.get();
	if (!agreement) throw new VolunteerAgreementError('volunteers_err_no_agreement');
	if (currentVolunteerAgreementId(d, agreement.neighbourhoodId)?.id !== agreement.id)
		throw new VolunteerAgreementError('volunteers_err_agreement_outdated');
	const inserted = d
		.insert(volunteerAcceptances)
		.values({
			agreementId: agreement.id,
			userId: input.userId,
			method: input.method,
			recordedById: input.method === 'online' ? null : (input.recordedById ?? null),
			acceptedAt: now
		})
		.onConflictDoNothing()
		.returning({ id: volunteerAcceptances.id })
		.all()[0];
	if (!inserted) return currentVolunteerAcceptance(d, input.userId, agreement.neighbourhoodId)!.id;
	if (input.method !== 'online')
		recordAudit(
			d,
			{
				actorId: input.recordedById ?? null,
				action: 'volunteers.agreement_recorded',
				subjectType: 'user',
				subjectId: input.userId,
				neighbourhoodId: agreement.neighbourhoodId,
				detail: { version: agreement.version, method: input.method }
			},
			now
		);
	return inserted.id;
}

/** How many of the neighbourhood's volunteers accepted the current version, of how many. */
export function acceptedCount(d: DbOrTx, neighbourhoodId: number) {
	const ids = volunteerIds(d, neighbourhoodId);
	const current = currentVolunteerAgreementId(d, neighbourhoodId);
	if (!current || ids.length === 0) return { accepted: 0, volunteers: ids.length };
	const rows = d
		.select({ userId: volunteerAcceptances.userId })
		.from(volunteerAcceptances)
		.where(
			and(
				eq(volunteerAcceptances.agreementId, current.id),
				inArray(volunteerAcceptances.userId, ids)
			)
		)
		.all();
	return { accepted: rows.length, volunteers: ids.length };
}

/** Whether helpers must accept the agreement before a proposal or response makes a match. */
export function agreementRequired(d: DbOrTx, neighbourhoodId: number): boolean {
	return (
		d
			.select({ required: neighbourhoods.volunteerAgreementRequired })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get()?.required ?? false
	);
}

/** The broker turns the requirement on or off (audited: it changes what helpers may do). */
export function setAgreementRequired(
	d: DbOrTx,
	neighbourhoodId: number,
	required: boolean,
	actorId: string,
	now: number
): void {
	if (agreementRequired(d, neighbourhoodId) === required) return;
	d.update(neighbourhoods)
		.set({ volunteerAgreementRequired: required })
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.run();
	recordAudit(
		d,
		{
			actorId,
			action: 'volunteers.agreement_required',
			subjectType: 'neighbourhood',
			subjectId: neighbourhoodId,
			neighbourhoodId,
			detail: { required }
		},
		now
	);
}
