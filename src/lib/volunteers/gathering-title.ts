import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import type { GatheringKind } from './lists';

const KIND: Record<GatheringKind, (locale: Locale) => string> = {
	intervision: (locale) => m.gatherings_kind_intervision({}, { locale }),
	volunteer_meeting: (locale) => m.gatherings_kind_volunteer_meeting({}, { locale }),
	training: (locale) => m.gatherings_kind_training({}, { locale }),
	information_evening: (locale) => m.gatherings_kind_information_evening({}, { locale }),
	coffee_morning: (locale) => m.gatherings_kind_coffee_morning({}, { locale }),
	open_activity: (locale) => m.gatherings_kind_open_activity({}, { locale })
};

export const kindName = (kind: GatheringKind, locale: Locale) => KIND[kind](locale);

/** What a gathering is called: the broker's name for it (isolated), or its kind. */
export function gatheringTitle(g: { kind: GatheringKind; name: string }, locale: Locale): string {
	return g.name
		? m.gatherings_title_named(
				{ kind: kindName(g.kind, locale), name: isolate(g.name, locale) },
				{ locale }
			)
		: kindName(g.kind, locale);
}
