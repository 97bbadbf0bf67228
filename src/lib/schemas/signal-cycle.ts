import { z } from 'zod';
import { textField } from './fields';

/** Rows of the urgent-numbers form (flat fields, so the form works without JavaScript). */
export const URGENT_ROWS = [0, 1, 2, 3] as const;

const PHONE = /^[\d\s+/.()-]{3,30}$/;

/** Numbers to call in danger after 112: each row both a label and a phone, or neither. */
export const urgentNumbersSchema = z
	.object(
		Object.fromEntries(
			URGENT_ROWS.flatMap((i) => [
				[`label${i}`, textField({ max: 80 })],
				[`phone${i}`, textField({ max: 30 })]
			])
		) as Record<
			`label${(typeof URGENT_ROWS)[number]}` | `phone${(typeof URGENT_ROWS)[number]}`,
			ReturnType<typeof textField>
		>
	)
	.superRefine((v, ctx) => {
		for (const i of URGENT_ROWS) {
			const label = v[`label${i}`];
			const phone = v[`phone${i}`];
			if (label && !phone)
				ctx.addIssue({
					code: 'custom',
					path: [`phone${i}`],
					message: 'signalcycle_err_number_phone'
				});
			else if (phone && !PHONE.test(phone))
				ctx.addIssue({
					code: 'custom',
					path: [`phone${i}`],
					message: 'signalcycle_err_number_phone'
				});
			if (phone && !label)
				ctx.addIssue({
					code: 'custom',
					path: [`label${i}`],
					message: 'signalcycle_err_number_label'
				});
		}
	});
export type UrgentNumbersForm = z.infer<typeof urgentNumbersSchema>;

/** The filled rows as a list. */
export const urgentNumbersOfForm = (f: UrgentNumbersForm) =>
	URGENT_ROWS.map((i) => ({ label: f[`label${i}`], phone: f[`phone${i}`] }));

/** A saved list as form values. */
export const urgentNumbersForm = (list: { label: string; phone: string }[]) =>
	Object.fromEntries(
		URGENT_ROWS.flatMap((i) => [
			[`label${i}`, list[i]?.label ?? ''],
			[`phone${i}`, list[i]?.phone ?? '']
		])
	) as UrgentNumbersForm;
