import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '$lib/neighbourhood-defaults';
import { SIGNAL_THEMES } from '$lib/signals/kinds';
import { textField } from '$lib/schemas/fields';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import {
	bundleCandidates,
	parseQuarter,
	quarterOf,
	quarterText,
	saveBundleSummary
} from '$lib/server/backoffice/bundle';
import { getSignal } from '$lib/server/broker/signals';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { Actions, PageServerLoad } from './$types';

const saveSchema = z.object({
	theme: z.enum(SIGNAL_THEMES, { error: 'bundle_err_theme' }),
	summary: textField({ max: 1000, multiline: true }),
	action: textField({ max: 1000, multiline: true }),
	ready: z.boolean().default(false)
});

/** The quarter's service and policy signals, each to be summarised for the bundle. */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const hoods = brokeredNeighbourhoods(db, user);
	const now = clock.now();
	const quarter =
		parseQuarter(event.url.searchParams.get('quarter')) ?? quarterOf(now, DEFAULT_TIME_ZONE);
	return {
		quarter: quarterText(quarter),
		current: quarterText(quarterOf(now, DEFAULT_TIME_ZONE)),
		neighbourhoods: hoods.map((n) => ({
			id: n.id,
			name: n.name,
			signals: bundleCandidates(db, n.id, quarter).map((s) => ({
				id: s.id,
				kind: s.kind,
				about: s.about,
				body: s.body,
				theme: s.theme,
				summary: s.bundleSummary ?? '',
				action: s.bundleAction ?? '',
				ready: s.bundleReadyAt !== null,
				createdAt: s.createdAt
			}))
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		requireBroker(event);
		const data = await event.request.formData();
		const signal = getSignal(db, Number(data.get('signalId')));
		if (!signal) error(404, 'not found');
		const user = requireBrokerOf(event, signal.neighbourhoodId);
		const values = {
			theme: String(data.get('theme') ?? ''),
			summary: String(data.get('summary') ?? ''),
			action: String(data.get('action') ?? ''),
			ready: data.get('ready') === 'on'
		};
		const parsed = saveSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				signalId: signal.id,
				values,
				field: String(parsed.error.issues[0]!.path[0]),
				error: parsed.error.issues[0]!.message,
				word: null
			});
		const result = saveBundleSummary(db, user.id, signal, parsed.data, clock.now());
		if (!result.ok)
			return fail(400, {
				signalId: signal.id,
				values,
				field: result.field,
				error: result.error,
				word: result.word ?? null
			});
		return { saved: signal.id };
	}
};
