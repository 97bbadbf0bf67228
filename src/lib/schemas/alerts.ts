import { z } from 'zod';
import { ALERT_DISTANCES, DEFAULT_ALERT_DISTANCE } from '../alerts/choices';
import { ALERT_RHYTHMS } from '../notify/channels';
import { idField, requiredChoice, wholeNumber } from './fields';

/**
 * The "new requests near me" form. That the categories exist and are in use is checked by
 * saveAlertSettings() on the server, which needs the database.
 */
export const alertSettingsSchema = z.object({
	rhythm: requiredChoice(ALERT_RHYTHMS, 'alerts_err_rhythm'),
	distanceMeters: wholeNumber({ min: 1, max: 100_000, message: 'alerts_err_distance' })
		.refine((n) => (ALERT_DISTANCES as readonly number[]).includes(n), 'alerts_err_distance')
		.default(DEFAULT_ALERT_DISTANCE),
	categories: z.array(idField('alerts_err_category_unknown')).default([])
});

export type AlertSettingsForm = z.infer<typeof alertSettingsSchema>;
