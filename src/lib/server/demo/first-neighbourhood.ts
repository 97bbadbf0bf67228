import type { DemoNeighbourhood, DemoPerson } from './types';

/**
 * The demo neighbourhood: a social housing estate around a former exercise ground, as in the
 * pilot (seed 001). Street names and coordinates are made up but plausible.
 */
const CENTRE = { lat: 51.0336, lon: 4.4853 };

/** A slightly skewed quadrilateral around a centre, as a GeoJSON ring (lon, lat). */
const box = (centre: { lat: number; lon: number }, dLat: number, dLon: number) => [
	[centre.lon - dLon, centre.lat - dLat],
	[centre.lon + dLon, centre.lat - dLat],
	[centre.lon + dLon * 1.1, centre.lat + dLat * 0.9],
	[centre.lon - dLon * 0.9, centre.lat + dLat],
	[centre.lon - dLon, centre.lat - dLat]
];

export const DEMO_STREETS: [string, number, number][] = [
	['Oud-Oefenplein', 0, 0],
	['Vuurkruisenplein', 0.0031, 0.0042],
	['Kazernestraat', -0.0018, 0.0011],
	['Schuttershofstraat', 0.0012, -0.0034],
	['Exercitiestraat', -0.0009, -0.0021],
	['Kanonnierstraat', 0.0024, 0.0016],
	['Lansiersstraat', -0.0031, 0.0038],
	['Trompetterslaan', 0.0038, -0.0012],
	['Vaandelstraat', -0.0026, -0.0045],
	['Ruiterijstraat', 0.0007, 0.0057],
	['Paradeplein', -0.0042, 0.0004],
	['Draaischijfstraat', 0.0045, 0.0031]
];

export const DEMO_PEOPLE: DemoPerson[] = [
	{
		email: 'griet@naburig.example',
		name: 'Griet Van den Broeck',
		role: 'admin',
		street: 0,
		house: '1',
		phone: '015 20 30 40',
		languages: ['nl', 'fr', 'en'],
		about: 'Centrumleidster van dienstencentrum De Schijf.',
		helps: [],
		availability: [],
		sinceDays: 400
	},
	{
		email: 'an@naburig.example',
		name: 'An Verhoeven',
		role: 'broker',
		street: 0,
		house: '1',
		phone: '0470 11 22 33',
		languages: ['nl', 'en'],
		about: 'Buurtopbouwwerker. Ik breng vraag en aanbod samen.',
		helps: [],
		availability: ['tue-morning', 'thu-afternoon', 'fri-morning'],
		sinceDays: 380
	},
	{
		email: 'hasan@naburig.example',
		name: 'Hasan Kaya',
		role: 'broker',
		street: 2,
		house: '14',
		phone: '0471 44 55 66',
		languages: ['nl', 'tr'],
		about: 'Vrijwillige buurtwerker, woon zelf in de wijk.',
		helps: ['transport', 'paperwork'],
		availability: ['mon-evening', 'wed-afternoon'],
		sinceDays: 360
	},
	{
		email: 'maria@naburig.example',
		name: 'Maria Janssens',
		street: 1,
		house: '7',
		phone: '015 41 22 87',
		languages: ['nl'],
		about: 'Ik ben 82 en woon alleen. Ik hou van een babbel.',
		helps: ['social-contact'],
		availability: ['mon-afternoon', 'wed-afternoon'],
		sinceDays: 120
	},
	{
		email: 'jozef@naburig.example',
		name: 'Jozef Peeters',
		street: 3,
		house: '22',
		languages: ['nl'],
		about: 'Gepensioneerd elektricien. Handig met lampen en stopcontacten.',
		helps: ['small-jobs', 'garden'],
		availability: ['tue-morning', 'thu-morning', 'sat-morning'],
		sinceDays: 300
	},
	{
		email: 'fatima@naburig.example',
		name: 'Fatima El Amrani',
		street: 4,
		house: '3',
		phone: '0485 12 34 56',
		languages: ['nl', 'ar', 'fr'],
		about: 'Mama van drie. Ik help graag met formulieren.',
		helps: ['paperwork', 'language', 'homework'],
		availability: ['mon-morning', 'fri-morning'],
		sinceDays: 200
	},
	{
		email: 'mehmet@naburig.example',
		name: 'Mehmet Yılmaz',
		street: 5,
		house: '9',
		languages: ['tr', 'nl'],
		about: 'Ik heb een bestelwagen.',
		helps: ['transport', 'small-jobs'],
		availability: ['sat-morning', 'sat-afternoon'],
		locale: 'nl',
		sinceDays: 150
	},
	{
		email: 'ayse@naburig.example',
		name: 'Ayşe Demir',
		street: 6,
		house: '31',
		languages: ['tr'],
		about: '',
		helps: [],
		availability: [],
		sinceDays: 40
	},
	{
		email: 'lotte@naburig.example',
		name: 'Lotte Vermeulen',
		street: 7,
		house: '5',
		languages: ['nl', 'en'],
		about: 'Student, wandel graag met honden.',
		helps: ['dog-walking', 'social-contact', 'computer-phone'],
		availability: ['wed-evening', 'sun-afternoon'],
		locale: 'en',
		sinceDays: 90
	},
	{
		email: 'thomas@naburig.example',
		name: 'Thomas De Smet',
		street: 8,
		house: '18',
		languages: ['nl', 'en'],
		about: 'IT-er, help graag met computer en smartphone.',
		helps: ['computer-phone'],
		availability: ['tue-evening', 'thu-evening'],
		sinceDays: 60
	},
	{
		email: 'youssef@naburig.example',
		name: 'Youssef Benali',
		street: 9,
		house: '2',
		languages: ['nl', 'ar'],
		about: 'Jongerenwerking J@M. Sterk en behulpzaam.',
		helps: ['small-jobs', 'bins', 'garden'],
		availability: ['wed-afternoon', 'sat-afternoon'],
		sinceDays: 75
	},
	{
		email: 'annie@naburig.example',
		name: 'Annie Claes',
		street: 10,
		house: '44',
		phone: '015 55 66 77',
		languages: ['nl'],
		about: 'Slecht te been sinds mijn heupoperatie.',
		helps: [],
		availability: [],
		sinceDays: 30
	},
	{
		email: 'nadia@naburig.example',
		name: 'Nadia Haddad',
		desk: true,
		street: 11,
		house: '6',
		languages: ['ar', 'fr', 'nl'],
		about: 'Ik wil graag Nederlands oefenen.',
		helps: ['shopping'],
		availability: ['tue-afternoon'],
		sinceDays: 25
	},
	{
		email: 'sofie@naburig.example',
		name: 'Sofie Maes',
		street: 2,
		house: '27',
		languages: ['nl'],
		about: 'Doe graag boodschappen voor wie dat zelf niet kan.',
		helps: ['shopping', 'social-contact'],
		availability: ['mon-morning', 'thu-morning'],
		sinceDays: 210
	},
	{
		email: 'gilbert@naburig.example',
		name: 'Gilbert Hendrickx',
		street: 3,
		house: '8',
		languages: ['nl'],
		about: 'Weduwnaar, 78 jaar. Mijn tuin wordt me te veel.',
		helps: [],
		availability: [],
		sinceDays: 15
	},
	{
		email: 'irina@naburig.example',
		name: 'Irina Popescu',
		street: 5,
		house: '12',
		languages: ['ro', 'en', 'nl'],
		about: 'Verpleegkundige, werk in ploegen.',
		helps: ['social-contact', 'shopping'],
		availability: ['sun-morning'],
		sinceDays: 50
	}
];

export const DEMO_NEIGHBOURHOOD: DemoNeighbourhood = {
	slug: 'oud-oefenplein',
	name: 'Oud-Oefenplein en Vuurkruisenplein',
	boundary: { type: 'Polygon', coordinates: [box(CENTRE, 0.0055, 0.0075)] },
	centre: CENTRE,
	phoneDutyNumber: '0470 11 22 33',
	phoneDutyHours: [
		{ day: 2, from: '09:00', to: '12:00' },
		{ day: 4, from: '13:30', to: '16:30' },
		{ day: 5, from: '09:00', to: '12:00' }
	],
	createdDaysAgo: 400,
	streets: DEMO_STREETS
};
