import type { DemoNeighbourhood, DemoPerson } from './types';

/**
 * A second, smaller demo neighbourhood about two kilometres east of the first, with its own
 * broker and one resident. It shows (and the authorization tests rely on) brokers seeing only
 * their own neighbourhood, and gives the admin's per-neighbourhood views more than one row.
 * It has no posts, tools or services, so the first neighbourhood's figures stay as they were.
 */
const CENTRE = { lat: 51.0302, lon: 4.5146 };

export const SECOND_NEIGHBOURHOOD: DemoNeighbourhood = {
	slug: 'ganzenpoel',
	name: 'Ganzenpoel',
	boundary: {
		type: 'Polygon',
		coordinates: [
			[
				[CENTRE.lon - 0.0055, CENTRE.lat - 0.0035],
				[CENTRE.lon + 0.0055, CENTRE.lat - 0.0035],
				[CENTRE.lon + 0.006, CENTRE.lat + 0.0032],
				[CENTRE.lon - 0.005, CENTRE.lat + 0.0035],
				[CENTRE.lon - 0.0055, CENTRE.lat - 0.0035]
			]
		]
	},
	centre: CENTRE,
	phoneDutyNumber: '0472 80 90 10',
	// Other hours than the first neighbourhood, so the two are easy to tell apart on the home page.
	phoneDutyHours: [
		{ day: 1, from: '13:30', to: '16:00' },
		{ day: 3, from: '09:30', to: '11:30' }
	],
	createdDaysAgo: 120,
	streets: [
		['Ganzenpoel', 0, 0],
		['Ridderveldstraat', 0.0014, -0.0028],
		['Molenbeekstraat', -0.0017, 0.0021],
		['Vlasgaardstraat', 0.0021, 0.0033],
		['Kapelweg', -0.0022, -0.0036]
	]
};

export const SECOND_PEOPLE: DemoPerson[] = [
	{
		email: 'bram@naburig.example',
		name: 'Bram Willems',
		role: 'broker',
		street: 0,
		house: '2',
		phone: '0472 80 90 10',
		languages: ['nl', 'fr'],
		about: 'Buurtwerker in Ganzenpoel.',
		helps: [],
		availability: ['mon-afternoon', 'wed-morning'],
		sinceDays: 110
	},
	{
		email: 'rita@naburig.example',
		name: 'Rita Mertens',
		street: 2,
		house: '11',
		phone: '015 63 18 02',
		languages: ['nl'],
		about: 'Ik woon hier al veertig jaar en ken iedereen in de straat.',
		helps: ['social-contact', 'shopping'],
		availability: ['tue-afternoon'],
		sinceDays: 90
	}
];
