import type { DemoBadge, DemoPost } from './types';
import type { BadgeKind } from '$lib/trust/badge-kinds';

// The demo's badges, badge rules, posts and social-map services: data only. seed.ts makes them
// through the same domain functions as the site.

const DAY = 24 * 60 * 60 * 1000;

/**
 * Badges the brokers granted after a check, with the confidential note a broker would write:
 * person, kind, days ago, note, and for a certificate or training the days since its date (and
 * the training's name). Sofie's certificate is from earlier volunteering and expires within the
 * month, so Today shows it.
 */
export const DEMO_BADGES: DemoBadge[] = [
	[
		'jozef@naburig.example',
		'met_in_person',
		280,
		'Kennismaking bij hem thuis. Gepensioneerd elektricien, rustig en geduldig. Identiteitskaart gezien.'
	],
	[
		'jozef@naburig.example',
		'good_conduct',
		270,
		'Uittreksel uit het strafregister (model 2) gezien, zonder vermeldingen. Geen kopie bewaard.',
		{ issuedDaysAgo: 285 }
	],
	[
		'sofie@naburig.example',
		'met_in_person',
		200,
		'Gesprek in dienstencentrum De Schijf. Wil vooral boodschappen doen en op bezoek gaan bij ouderen.'
	],
	[
		'sofie@naburig.example',
		'good_conduct',
		195,
		'Uittreksel van haar vrijwilligerswerk bij de thuiszorg gezien. Verloopt binnenkort: nieuw aanvragen.',
		{ issuedDaysAgo: 3 * 365 - 20 }
	],
	[
		'youssef@naburig.example',
		'met_in_person',
		60,
		'Kwam langs met zijn jeugdwerker van J@M. Enthousiast, spreekt ook Arabisch.'
	],
	[
		'lotte@naburig.example',
		'met_in_person',
		80,
		'Kennismakingsgesprek bij haar thuis. Studeert informatica, helpt graag met smartphones.'
	],
	[
		'lotte@naburig.example',
		'training',
		70,
		'Aanwezigheidslijst van de vorming in het dienstencentrum nagekeken.',
		{ issuedDaysAgo: 72, label: 'Discretie en beroepsgeheim' }
	],
	[
		'fatima@naburig.example',
		'met_in_person',
		190,
		'Gesprek in het dienstencentrum. Helpt al jaren buren met brieven en formulieren.'
	],
	[
		'mehmet@naburig.example',
		'met_in_person',
		140,
		'Kennismaking op de markt, daarna bij hem thuis. Heeft een bestelwagen; rijbewijs gezien.'
	],
	[
		'thomas@naburig.example',
		'references',
		50,
		'Twee referenties gebeld: de computerclub van het buurthuis en zijn vorige werkgever. Beide positief.'
	],
	[
		'maria@naburig.example',
		'met_in_person',
		110,
		'Huisbezoek. Woont alleen, zoekt vooral gezelschap. Hoort slecht: lang laten bellen.'
	],
	[
		'annie@naburig.example',
		'met_in_person',
		25,
		'Huisbezoek na haar heupoperatie, samen met haar dochter.'
	]
];

/** Helpers in someone's home need to have met a broker first (seed 003: who comes into my house?). */
export const DEMO_BADGE_RULES: [string, BadgeKind][] = [['small-jobs', 'met_in_person']];

const inDays = (now: number, n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);

export function demoPosts(now: number): DemoPost[] {
	return [
		{
			by: 'maria@naburig.example',
			kind: 'request',
			category: 'social-contact',
			title: 'Samen koffie drinken op woensdag',
			body: 'Ik woon alleen en zou graag af en toe iemand over de vloer hebben voor een babbel en een tas koffie. Ongeveer een uurtje, bij mij thuis.',
			whenType: 'recurring',
			recurringDay: 3,
			recurringPart: 'afternoon',
			durationMinutes: 60,
			daysAgo: 6,
			responses: [
				['sofie@naburig.example', 'Ik kom graag langs, woensdag na de middag past mij goed.', true]
			]
		},
		{
			by: 'annie@naburig.example',
			kind: 'request',
			category: 'shopping',
			title: 'Boodschappen bij de supermarkt',
			body: 'Sinds mijn heupoperatie kan ik niet naar de winkel. Elke week een klein lijstje: brood, melk, groenten. Ik betaal terug bij levering.',
			whenType: 'recurring',
			recurringDay: 5,
			recurringPart: 'morning',
			durationMinutes: 45,
			daysAgo: 3,
			responses: [
				[
					'irina@naburig.example',
					'Ik doe vrijdag toch mijn eigen boodschappen, dat kan perfect samen.',
					false
				]
			]
		},
		{
			by: 'gilbert@naburig.example',
			kind: 'request',
			category: 'garden',
			title: 'Haag snoeien en gras maaien',
			body: 'Mijn tuin wordt me te veel. De haag langs de straat moet gesnoeid worden en het gras is te lang. Materiaal is er.',
			whenType: 'date',
			whenDate: inDays(now, 9),
			durationMinutes: 180,
			helpersNeeded: 2,
			daysAgo: 2
		},
		{
			by: 'maria@naburig.example',
			kind: 'request',
			category: 'transport',
			title: 'Rit naar de apotheek',
			body: 'Ik moet medicijnen ophalen bij de apotheek aan de markt. Heen en terug, ik kan zelf in en uit de auto.',
			whenType: 'window',
			whenDate: inDays(now, 4),
			whenFrom: '10:00',
			whenTo: '12:00',
			durationMinutes: 45,
			daysAgo: 1
		},
		{
			by: 'nadia@naburig.example',
			kind: 'request',
			category: 'language',
			title: 'Nederlands oefenen',
			body: 'Ik volg les, maar ik wil meer praten. Een uur per week samen wandelen of koffie drinken en Nederlands spreken.',
			whenType: 'flexible',
			durationMinutes: 60,
			daysAgo: 1
		},
		{
			by: 'ayse@naburig.example',
			kind: 'request',
			category: 'paperwork',
			title: 'Hulp met een brief van het OCMW',
			body: 'Ik heb een brief gekregen en begrijp niet goed wat ik moet doen. Wie kan hem samen met mij lezen?',
			whenType: 'flexible',
			durationMinutes: 30,
			daysAgo: 0
		},
		{
			by: 'jozef@naburig.example',
			kind: 'offer',
			category: 'small-jobs',
			title: 'Lampen, stopcontacten en kleine klusjes',
			body: 'Gepensioneerd elektricien. Ik vervang lampen, hang gordijnen op en repareer kleine dingen in huis. Ladder en gereedschap heb ik zelf.',
			whenType: 'recurring',
			recurringDay: 2,
			recurringPart: 'morning',
			durationMinutes: 60,
			standing: true,
			daysAgo: 40
		},
		{
			by: 'lotte@naburig.example',
			kind: 'offer',
			category: 'dog-walking',
			title: 'Hond uitlaten in het park',
			body: 'Ik wandel graag en neem je hond mee naar het park, ongeveer drie kwartier.',
			whenType: 'recurring',
			recurringDay: 7,
			recurringPart: 'afternoon',
			durationMinutes: 45,
			standing: true,
			daysAgo: 20
		},
		{
			by: 'thomas@naburig.example',
			kind: 'offer',
			category: 'computer-phone',
			title: 'Hulp met smartphone en computer',
			body: 'Videobellen met de kleinkinderen, een app installeren, een e-mail sturen: ik leg het rustig uit, zo vaak als nodig.',
			whenType: 'recurring',
			recurringDay: 4,
			recurringPart: 'evening',
			durationMinutes: 60,
			standing: true,
			daysAgo: 12
		},
		{
			by: 'mehmet@naburig.example',
			kind: 'offer',
			category: 'transport',
			title: 'Rit naar het containerpark',
			body: 'Ik heb een bestelwagen. Grof vuil of snoeiafval naar het containerpark brengen kan op zaterdag.',
			whenType: 'recurring',
			recurringDay: 6,
			recurringPart: 'morning',
			durationMinutes: 90,
			standing: true,
			daysAgo: 30,
			place: { type: 'home' }
		},
		{
			by: 'fatima@naburig.example',
			kind: 'offer',
			category: 'paperwork',
			title: 'Formulieren invullen (ook in het Arabisch en Frans)',
			body: 'Ik help met formulieren en brieven, en kan uitleggen in het Arabisch of het Frans.',
			whenType: 'recurring',
			recurringDay: 1,
			recurringPart: 'morning',
			durationMinutes: 60,
			standing: true,
			daysAgo: 25
		},
		{
			by: 'youssef@naburig.example',
			kind: 'offer',
			category: 'bins',
			title: 'Vuilnis buiten zetten',
			body: 'Ik woon in de Vaandelstraat en zet op dinsdagavond graag ook jouw vuilniszak buiten.',
			whenType: 'recurring',
			recurringDay: 2,
			recurringPart: 'evening',
			durationMinutes: 10,
			standing: true,
			daysAgo: 15
		}
	];
}

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));

/** A few services on the social map, for the broker's referrals. */
export const DEMO_SERVICES = [
	{
		name: 'OCMW Sociale dienst',
		description: 'Helpt met geld, papieren, huur en energie. U kunt langsgaan of bellen.',
		kind: 'social',
		phone: '03 444 10 00',
		address: 'Kerkplein 2',
		website: 'https://www.example.org/ocmw',
		openingHours: weekdays('09:00', '12:00')
	},
	{
		name: 'Wit-Gele Kruis thuisverpleging',
		description: 'Verpleging aan huis: wondzorg, medicatie, hulp bij wassen.',
		kind: 'care',
		phone: '03 444 20 00',
		address: 'Zorgstraat 14',
		website: 'https://www.example.org/wgk',
		openingHours: weekdays('08:00', '17:00')
	},
	{
		name: 'Voedselbank De Schakel',
		description: 'Voedselpakketten voor wie het moeilijk heeft, na een gesprek met het OCMW.',
		kind: 'food',
		phone: '03 444 30 00',
		address: 'Magazijnstraat 7',
		website: '',
		openingHours: [{ day: 3, from: '13:00', to: '16:00' }]
	}
];
