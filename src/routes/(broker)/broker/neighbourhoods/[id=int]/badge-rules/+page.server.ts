import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { badgeRulesSchema } from '$lib/schemas/trust';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { listCategoryChoices } from '$lib/server/profile/categories';
import { badgeRulesOf, setBadgeRules } from '$lib/server/trust/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	const rule = badgeRulesOf(db, n.id).map((r) => `${r.categoryId}:${r.kind}`);
	return {
		neighbourhood: { id: n.id, name: n.name },
		categories: listCategoryChoices(db, getLocale()),
		form: await superValidate({ rule }, zod4(badgeRulesSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(badgeRulesSchema));
		if (!form.valid) return fail(400, { form });
		const rules = form.data.rule.map((r) => {
			const [categoryId, kind] = r.split(':') as [string, BadgeKind];
			return { categoryId: Number(categoryId), kind };
		});
		const result = setBadgeRules(db, user.id, n.id, rules, clock.now());
		if (!result.ok) return message(form, { type: 'error', text: m.err_invalid() }, { status: 400 });
		return message(form, { type: 'ok', text: m.trust_rules_saved() });
	}
};
