import { describe, expect, it } from 'vitest';
import { agreementTextSchema } from '$lib/schemas/lending';
import { insertTestUser } from '../db/test-db';
import { makeLendingNeighbourhood } from '../testing/lending';
import { currentAgreement, latestAgreement } from './agreements';
import { publishDeskAgreement } from './desk/agreement';

const DUTCH = 'Breng het gereedschap terug op de afgesproken dag.';
const TURKISH = 'Aleti kararlaştırılan gün geri getirin.';
const ARABIC = 'أرجِع الأداة في اليوم المتفق عليه.';

describe('the borrower agreement in several languages', () => {
	it('the desk writes Dutch and any other site languages; the rest are not required', () => {
		const typed = { nl: DUTCH, en: '', fr: '', tr: TURKISH, ar: ARABIC };
		expect(agreementTextSchema.safeParse(typed).success).toBe(true);
		const noDutch = agreementTextSchema.safeParse({ ...typed, nl: '' });
		expect(noDutch.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['nl', 'desk_err_agreement_text']
		]);
		// A language that is filled in is held to the same rules as the Dutch one.
		const tooShort = agreementTextSchema.safeParse({ ...typed, fr: 'Oui.' });
		expect(tooShort.error?.issues.map((i) => i.path[0])).toEqual(['fr']);
	});

	it('a resident reads their language, or the Dutch text marked as Dutch when it is missing', () => {
		const f = makeLendingNeighbourhood();
		const desk = insertTestUser(f.db);
		publishDeskAgreement(
			f.db,
			f.hoodId,
			{ nl: DUTCH, en: '', fr: '', tr: TURKISH, ar: ARABIC },
			desk.id,
			5
		);
		// An empty field is not stored as an empty text.
		expect(Object.keys(latestAgreement(f.db, f.hoodId)!.body).sort()).toEqual(['ar', 'nl', 'tr']);
		const read = (locale: string) => {
			const a = currentAgreement(f.db, f.hoodId, locale)!;
			return [a.lang, a.text];
		};
		expect(read('tr')).toEqual(['tr', TURKISH]);
		expect(read('ar')).toEqual(['ar', ARABIC]);
		expect(read('fr')).toEqual(['nl', DUTCH]);
		expect(read('en')).toEqual(['nl', DUTCH]);
		expect(read('nl')).toEqual(['nl', DUTCH]);
	});
});
