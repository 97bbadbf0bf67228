import { superForm as superFormWithoutDefaults } from 'sveltekit-superforms/client';
import { focusErrorSummary } from '$lib/components/error-summary';

/**
 * superForm with the site's defaults. An unexpected error on the server (say the database could
 * not save, its disk full) shows the error page with the code the person can quote; superForm's
 * own default throws it away in the browser and leaves the form busy for ever.
 *
 * A submit that comes back with errors moves focus to the form's error summary (FormMessage),
 * as GOV.UK does, instead of superForm's own jump to the first marked field, which skipped
 * the questions (radio groups) that mark no field.
 */
export const superForm = ((form, options) => {
	let submitted: HTMLFormElement | null = null;
	return superFormWithoutDefaults(form, {
		onError: 'apply',
		scrollToError: 'off',
		...options,
		onSubmit: (input) => {
			submitted = input.formElement;
			return options?.onSubmit?.(input);
		},
		onUpdated: (event) => {
			if (!event.form.valid) focusErrorSummary(submitted);
			return options?.onUpdated?.(event);
		}
	});
}) as typeof superFormWithoutDefaults;
