/** Superforms' `$allErrors`: one entry per field with errors. */
export type FormErrors = readonly { path: string; messages: string[] }[];

export interface SummaryItem {
	key: string;
	/** The id of the field's control, or null for an error of the whole form. */
	fieldId: string | null;
	/** The message key the field itself shows (its first error). */
	message: string;
}

/**
 * The id a field's control has: "f-" and the field's name, as TextField, SelectField,
 * DateField and the others give it (a group of radios or checkboxes: its first input).
 */
export const fieldId = (name: string) => `f-${name}`;

/**
 * The error summary's lines, in the form's order: a list's errors ("languages._errors",
 * "languages[2]") belong to the list's field, "_errors" to the whole form.
 */
export function errorSummaryItems(errors: FormErrors, order?: readonly string[]): SummaryItem[] {
	const items: SummaryItem[] = [];
	const seen = new Set<string>();
	for (const e of errors) {
		const message = e.messages[0];
		if (!message) continue;
		const name = e.path.split(/[.[]/)[0] ?? '';
		const key = `${name}:${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		items.push({ key, fieldId: name && name !== '_errors' ? fieldId(name) : null, message });
	}
	if (!order) return items;
	// Unknown fields (and the whole form's errors) keep their place after the known ones.
	const rank = (item: SummaryItem) => {
		const i = order.indexOf(item.key.slice(0, item.key.indexOf(':')));
		return i === -1 ? order.length : i;
	};
	return items
		.map((item, i) => ({ item, i }))
		.sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
		.map(({ item }) => item);
}

/**
 * Moves focus to a field from the summary, with its label or question in view (GOV.UK's way):
 * false when the field is not on the page, so the link does what links do.
 */
export function focusField(id: string): boolean {
	const control = document.getElementById(id);
	if (!control) return false;
	const label =
		control.closest('fieldset')?.querySelector('legend') ??
		document.querySelector(`label[for="${CSS.escape(id)}"]`) ??
		control;
	// A group (fieldset) is reached through its first choice.
	const focusable = control.matches('input, select, textarea')
		? control
		: (control.querySelector<HTMLElement>('input, select, textarea') ?? control);
	label.scrollIntoView({ block: 'start' });
	focusable.focus({ preventScroll: true });
	return true;
}

/** Focuses the error summary shown for a form (in it, or the nearest one before it). */
export function focusErrorSummary(form: HTMLFormElement | null): void {
	const all = [...document.querySelectorAll<HTMLElement>('[data-error-summary]')];
	const summary = form
		? (all.find((s) => form.contains(s)) ??
			all.filter((s) => s.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1))
		: all[0];
	summary?.focus();
}
