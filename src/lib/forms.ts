import { superForm as superFormWithoutDefaults } from 'sveltekit-superforms/client';

/**
 * superForm with the site's defaults. An unexpected error on the server (say the database could
 * not save, its disk full) shows the error page with the code the person can quote; superForm's
 * own default throws it away in the browser and leaves the form busy for ever.
 */
export const superForm = ((form, options) =>
	superFormWithoutDefaults(form, {
		onError: 'apply',
		...options
	})) as typeof superFormWithoutDefaults;
