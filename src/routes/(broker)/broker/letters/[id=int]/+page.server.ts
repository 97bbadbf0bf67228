import { error, fail } from '@sveltejs/kit';
import { isolate, toLocale } from '$lib/i18n';
import { formatLocalDate } from '$lib/dates';
import { m } from '$lib/paraglide/messages.js';
import { requireAdmin, requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { markLetterPrinted, readLetter } from '$lib/server/letters/letters';
import { letterSender } from '$lib/server/letters/print';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { replyWords } from './reply-words';

/** The letter, for a broker of the person's neighbourhood (or an admin); 404 when there is none. */
function letterOf(event: RequestEvent) {
	requireBroker(event);
	const letter = readLetter(db, Number(event.params.id));
	if (!letter) error(404, 'not found');
	const user =
		letter.neighbourhoodId === null
			? requireAdmin(event)
			: requireBrokerOf(event, letter.neighbourhoodId);
	return { letter, user };
}

export const load: PageServerLoad = (event) => {
	const { letter } = letterOf(event);
	const sender = letterSender(db, letter);
	const locale = toLocale(letter.locale);
	// Dated the day it is printed; printed again, it keeps that day.
	const date = formatLocalDate(letter.printedAt ?? clock.now(), sender.timeZone, locale, 'long');
	const reply = sender.reply;
	return {
		letter: {
			id: letter.id,
			locale,
			kind: letter.kind,
			name: letter.name,
			street: letter.street,
			houseNumber: letter.houseNumber,
			text: letter.text,
			printedAt: letter.printedAt
		},
		sender: {
			neighbourhood: sender.neighbourhood,
			phone: sender.phone,
			phoneLine: sender.phone
				? sender.callName
					? m.letters_phone_name(
							{ name: isolate(sender.callName, locale), phone: isolate(sender.phone, locale) },
							{ locale }
						)
					: m.letters_phone({ phone: isolate(sender.phone, locale) }, { locale })
				: null,
			timeZone: sender.timeZone
		},
		date,
		followUp: reply ? { id: reply.followUpId, answered: reply.answered } : null,
		reply:
			reply && !reply.answered
				? replyWords(locale, {
						followUpId: reply.followUpId,
						name: letter.name,
						other: reply.other,
						neighbourhood: sender.neighbourhood,
						phone: sender.phone
					})
				: null
	};
};

export const actions: Actions = {
	printed: async (event) => {
		const { letter, user } = letterOf(event);
		const marked = markLetterPrinted(db, letter, user.id, clock.now());
		return marked.ok ? { printed: true } : fail(409, { already: marked.printedAt });
	}
};
