import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { agreementAcceptances, borrowerAgreements, users } from '../db/schema';
import { recordAudit } from '../audit/audit';

import type { AcceptanceMethod } from '$lib/lending/lists';

export type { AcceptanceMethod };

/** The borrower agreement a neighbourhood lends under now, with its text in one language. */
export interface CurrentAgreement {
	id: number;
	version: number;
	text: string;
	/** The language `text` is in: the one asked for, or Dutch when the desk did not write that one. */
	lang: string;
	publishedAt: number;
}

/** The newest version of the neighbourhood's borrower agreement, with its texts per language. */
export function latestAgreement(d: DbOrTx, neighbourhoodId: number) {
	const row = d
		.select()
		.from(borrowerAgreements)
		.where(eq(borrowerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(borrowerAgreements.version))
		.limit(1)
		.get();
	return row
		? {
				id: row.id,
				version: row.version,
				publishedAt: row.publishedAt,
				body: JSON.parse(row.body) as Record<string, string>
			}
		: null;
}

/** The newest version of the neighbourhood's agreement in a language (Dutch as fallback), or null. */
export function currentAgreement(
	d: DbOrTx,
	neighbourhoodId: number,
	locale: string
): CurrentAgreement | null {
	const latest = latestAgreement(d, neighbourhoodId);
	if (!latest) return null;
	const { body } = latest;
	const lang = body[locale] ? locale : body.nl ? 'nl' : (Object.keys(body)[0] ?? 'nl');
	return {
		id: latest.id,
		version: latest.version,
		text: body[lang] ?? '',
		lang,
		publishedAt: latest.publishedAt
	};
}

/** Publishes a new version (never an edit): everyone accepts it again before their next booking. */
export function publishAgreement(
	d: DbOrTx,
	neighbourhoodId: number,
	body: Record<string, string>,
	publishedById: string | null,
	now: number
): number {
	const last = d
		.select({ version: borrowerAgreements.version })
		.from(borrowerAgreements)
		.where(eq(borrowerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(borrowerAgreements.version))
		.limit(1)
		.get();
	return d
		.insert(borrowerAgreements)
		.values({
			neighbourhoodId,
			version: (last?.version ?? 0) + 1,
			body: JSON.stringify(body),
			publishedAt: now,
			publishedById
		})
		.returning({ id: borrowerAgreements.id })
		.all()[0]!.id;
}

/** How and when a person accepted the current version; null when they have not (yet). */
export function currentAcceptance(d: DbOrTx, userId: string, neighbourhoodId: number) {
	const agreementId = currentAgreementId(d, neighbourhoodId);
	if (agreementId === null) return null;
	return (
		d
			.select({
				id: agreementAcceptances.id,
				method: agreementAcceptances.method,
				acceptedAt: agreementAcceptances.acceptedAt
			})
			.from(agreementAcceptances)
			.where(
				and(
					eq(agreementAcceptances.agreementId, agreementId),
					eq(agreementAcceptances.userId, userId)
				)
			)
			.get() ?? null
	);
}

export class AgreementError extends Error {
	constructor(public code: 'lending_err_agreement_outdated' | 'lending_err_no_agreement') {
		super(code);
	}
}

/**
 * Records that a person accepts a version: online by themselves, or on paper / read aloud as
 * recorded by someone at the desk. Only the current version can be accepted (a page left open
 * while a new one was published must show the new text first). Accepting twice keeps the first.
 */
export function acceptAgreement(
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
		.from(borrowerAgreements)
		.where(eq(borrowerAgreements.id, input.agreementId))
		.get();
	if (!agreement) throw new AgreementError('lending_err_no_agreement');
	const current = currentAgreementId(d, agreement.neighbourhoodId);
	if (current !== agreement.id) throw new AgreementError('lending_err_agreement_outdated');
	const inserted = d
		.insert(agreementAcceptances)
		.values({
			agreementId: agreement.id,
			userId: input.userId,
			method: input.method,
			recordedById: input.method === 'online' ? null : (input.recordedById ?? null),
			acceptedAt: now
		})
		.onConflictDoNothing()
		.returning({ id: agreementAcceptances.id })
		.all()[0];
	if (!inserted) return currentAcceptance(d, input.userId, agreement.neighbourhoodId)!.id;
	if (input.method !== 'online') {
		const person = d
			.select({ n: users.neighbourhoodId })
			.from(users)
			.where(eq(users.id, input.userId))
			.get();
		recordAudit(
			d,
			{
				actorId: input.recordedById ?? null,
				action: 'lending.agreement_recorded',
				subjectType: 'user',
				subjectId: input.userId,
				neighbourhoodId: person?.n ?? agreement.neighbourhoodId,
				detail: { version: agreement.version, method: input.method }
			},
			now
		);
	}
	return inserted.id;
}

/** The id of the neighbourhood's newest agreement version, or null when it has none. */
export function currentAgreementId(d: DbOrTx, neighbourhoodId: number): number | null {
	return (
		d
			.select({ id: borrowerAgreements.id })
			.from(borrowerAgreements)
			.where(eq(borrowerAgreements.neighbourhoodId, neighbourhoodId))
			.orderBy(desc(borrowerAgreements.version))
			.limit(1)
			.get()?.id ?? null
	);
}
