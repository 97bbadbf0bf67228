import { m } from '$lib/paraglide/messages.js';
import type { ContactWay } from './contact';

const ways: Record<ContactWay, () => string> = {
	phone: m.intake_contact_phone,
	visit: m.intake_contact_visit,
	letter: m.intake_contact_letter
};

/** A way to reach someone ("By phone") in the current language. */
export const contactWayText = (way: ContactWay) => ways[way]();
