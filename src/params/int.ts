import type { ParamMatcher } from '@sveltejs/kit';

/** A positive whole number, e.g. a row id. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,15}$/.test(param);
