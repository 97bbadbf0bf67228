import { eq } from 'drizzle-orm';
import { localDate, shiftDate } from '../calendar';
import type { Tx } from '../db/client';
import { publishAgreement } from '../lending/agreements';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { seedDemoLoanHistory } from './loan-history';
import {
	fundingSources,
	loans,
	pickupPlaces,
	toolCategories,
	toolRepairs,
	tools,
	users
} from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;

/** The pilot's lending service: tools bought with a King Baudouin Foundation grant (seed 001). */
const DEMO_TOOLS = [
	{
		tag: 'KBS-001',
		category: 'diy',
		name: 'Klopboormachine',
		value: 12900,
		deposit: 0,
		accessories: ['koffer', 'zijhandgreep', 'dieptestop', '5 steenboren'],
		description:
			'Snoerboormachine met klopfunctie, voor gaten in steen, hout en metaal. Handig om gordijnroedes of een kast op te hangen.',
		instructions:
			'Kies de juiste boor voor het materiaal. Zet de klopfunctie alleen aan voor steen of beton.',
		safety:
			'Draag een veiligheidsbril. Kijk eerst of er geen leidingen in de muur zitten. Trek de stekker uit voor je een boor wisselt.'
	},
	{
		tag: 'KBS-002',
		category: 'diy',
		name: 'Accuschroefmachine',
		value: 8900,
		deposit: 0,
		accessories: ['lader', '2 accu’s', 'bitset'],
		description: 'Lichte schroefmachine op accu, voor meubels in elkaar zetten en kleine klusjes.',
		instructions: 'Laad de accu de avond voor je hem gebruikt. Begin met een lage stand.',
		safety: 'Houd vingers weg van de bit. Laat de lader niet onbewaakt aan het stopcontact.'
	},
	{
		tag: 'KBS-003',
		category: 'diy',
		name: 'Huishoudladder, 3 x 8 treden',
		value: 21900,
		deposit: 2000,
		accessories: [],
		description:
			'Aluminium reformladder, tot 5 meter werkhoogte. Te gebruiken als trap of als rechte ladder.',
		instructions: 'Zet de ladder op een vlakke, stevige ondergrond. Vergrendel alle scharnieren.',
		safety:
			'Nooit alleen op een ladder boven de 2 meter: vraag iemand om de ladder vast te houden. Niet op de bovenste drie treden staan.'
	},
	{
		tag: 'KBS-004',
		category: 'garden',
		name: 'Elektrische heggenschaar',
		value: 9900,
		deposit: 0,
		accessories: ['beschermkap', 'verlengkabel 20 m'],
		description: 'Heggenschaar met 60 cm mes, voor hagen en struiken.',
		instructions: 'Leg de kabel over je schouder, weg van het mes.',
		safety:
			'Draag handschoenen en een veiligheidsbril. Gebruik hem niet als het regent. Trek de stekker uit als je stopt.'
	},
	{
		tag: 'KBS-005',
		category: 'garden',
		name: 'Grasmaaier (elektrisch)',
		value: 17900,
		deposit: 0,
		accessories: ['opvangbak', 'verlengkabel 20 m'],
		description: 'Elektrische grasmaaier, 37 cm maaibreedte, voor een gewone stadstuin.',
		instructions: 'Maai droog gras. Leeg de opvangbak op tijd.',
		safety: 'Stevige schoenen aan. Nooit onder de maaier komen zolang de stekker erin zit.'
	},
	{
		tag: 'KBS-006',
		category: 'moving',
		name: 'Kruiwagen',
		value: 6900,
		deposit: 0,
		accessories: [],
		description: 'Stevige kruiwagen van 90 liter, voor tuinafval, zand of stenen.',
		instructions: 'Laad het zwaarste vooraan, boven het wiel.',
		safety: 'Til met je benen, niet met je rug.'
	},
	{
		tag: 'KBS-007',
		category: 'cleaning',
		name: 'Hogedrukreiniger',
		value: 19900,
		deposit: 2000,
		accessories: ['lans', 'terrasreiniger', 'tuinslangkoppeling'],
		description: 'Hogedrukreiniger voor terras, fiets en tuinmeubelen.',
		instructions:
			'Sluit eerst het water aan, dan de stroom. Begin op een afstand van een halve meter.',
		safety: 'Richt de straal nooit op mensen, dieren of stopcontacten. Draag een veiligheidsbril.'
	},
	{
		tag: 'KBS-008',
		category: 'cleaning',
		name: 'Behangafstomer',
		value: 5900,
		deposit: 0,
		accessories: ['stoomplaat', 'slang', 'maatbeker'],
		description: 'Maakt oud behang los met stoom, zodat het makkelijk van de muur komt.',
		instructions: 'Vul met koud water tot de streep. Wacht tien minuten tot er stoom komt.',
		safety: 'De plaat en het water worden heet: laat het toestel afkoelen voor je het bijvult.'
	},
	{
		tag: 'KBS-009',
		category: 'kitchen',
		name: 'Koffiezetapparaat voor 40 tassen',
		value: 7900,
		deposit: 0,
		accessories: ['filterhouder'],
		description: 'Grote percolator voor een buurtfeest of een verjaardag.',
		instructions: 'Gebruik gemalen koffie voor percolators.',
		safety: 'Het toestel blijft lang heet. Niet verplaatsen als het vol is.'
	}
];

/** Adds the demo pick-up place, the grant and the tools to the demo neighbourhood. */
export function seedDemoTools(tx: Tx, neighbourhoodId: number, now: number): void {
	const place = tx
		.insert(pickupPlaces)
		.values({
			neighbourhoodId,
			name: 'Dienstencentrum De Schijf',
			address: 'Oud-Oefenplein 1',
			openingHours: JSON.stringify(
				[1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '12:00' }))
			),
			notes: 'Aan het onthaal. Vraag naar de uitleendienst.'
		})
		.returning()
		.all()[0]!;
	const grant = tx
		.insert(fundingSources)
		.values({
			name: 'KBS-subsidie 2024',
			funder: 'Koning Boudewijnstichting',
			grantReference: 'KBS 2024-J1234'
		})
		.returning()
		.all()[0]!;
	const categoryIds = new Map(
		tx
			.select()
			.from(toolCategories)
			.all()
			.map((c) => [c.slug, c.id])
	);
	for (const t of DEMO_TOOLS) {
		tx.insert(tools)
			.values({
				neighbourhoodId,
				assetTag: t.tag,
				name: t.name,
				description: t.description,
				instructions: t.instructions,
				safetyNotes: t.safety,
				categoryId: categoryIds.get(t.category)!,
				replacementValueCents: t.value,
				depositCents: t.deposit,
				accessories: JSON.stringify(t.accessories),
				fundingSourceId: grant.id,
				pickupPlaceId: place.id,
				// Bought before the demo's eleven months of loan history.
				createdAt: now - 400 * DAY
			})
			.run();
	}
	publishAgreement(tx, neighbourhoodId, DEMO_AGREEMENT, null, now - 200 * DAY);
	seedDemoLoans(tx, neighbourhoodId, now);
}

/** The pilot's borrower agreement, version 1, in plain words (B1). */
const DEMO_AGREEMENT = {
	nl: [
		'1. Je leent het gereedschap gratis. Het is van de buurt: ga er zorgzaam mee om.',
		'2. Lees de veiligheidsregels voor je begint. Twijfel je? Vraag uitleg aan de uitleendienst.',
		'3. Breng alles terug wat erbij hoort, op de afgesproken dag, tijdens de openingsuren.',
		'4. Lukt het niet om op tijd terug te brengen? Laat het ons weten. Je krijgt geen boete.',
		'5. Is er iets kapot gegaan? Zeg het eerlijk. We zoeken samen een oplossing.',
		'6. Je leent het voor jezelf of om iemand uit de buurt te helpen, niet om het verder uit te lenen of te verhuren.'
	].join('\n'),
	en: [
		'1. You borrow the tools for free. They belong to the neighbourhood: please take good care of them.',
		'2. Read the safety notes before you start. In doubt? Ask the lending desk to explain.',
		'3. Bring back everything that belongs to it, on the agreed day, during opening hours.',
		'4. Cannot bring it back in time? Let us know. There is no fine.',
		'5. Did something break? Please tell us honestly. We will find a solution together.',
		'6. You borrow it for yourself or to help someone in the neighbourhood, not to lend or rent it out to others.'
	].join('\n')
};

/**
 * So the lending desk shows something on a fresh start: a lawn mower to hand over today, a hedge
 * trimmer due back today, a pressure washer that came back last month, and a wallpaper steamer
 * in repair with one reservation the desk must phone about.
 */
function seedDemoLoans(tx: Tx, neighbourhoodId: number, now: number): void {
	const tz = neighbourhoodSettings(tx, neighbourhoodId).timeZone;
	const today = localDate(now, tz);
	const day = (offset: number) => shiftDate(today, offset);
	const person = (email: string) =>
		tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
	const tool = (tag: string) => tx.select().from(tools).where(eq(tools.assetTag, tag)).get()!;
	const fatima = person('fatima@naburig.example');
	const jozef = person('jozef@naburig.example');
	const maria = person('maria@naburig.example');
	const an = person('an@naburig.example') ?? null;
	if (!fatima || !jozef || !maria) return;
	const mower = tool('KBS-005');
	tx.insert(loans)
		.values({
			toolId: mower.id,
			borrowerId: fatima,
			startDate: day(0),
			endDate: day(2),
			createdAt: now - 3 * DAY
		})
		.run();
	const trimmer = tool('KBS-004');
	tx.insert(loans)
		.values({
			toolId: trimmer.id,
			borrowerId: jozef,
			status: 'on_loan',
			startDate: day(-3),
			endDate: day(0),
			createdAt: now - 6 * DAY,
			checkedOutAt: now - 3 * DAY,
			checkedOutById: an,
			conditionOut: 'good',
			partsOut: trimmer.accessories
		})
		.run();
	tx.update(tools).set({ status: 'on_loan' }).where(eq(tools.id, trimmer.id)).run();
	const washer = tool('KBS-007');
	tx.insert(loans)
		.values({
			toolId: washer.id,
			borrowerId: maria,
			status: 'returned',
			startDate: day(-24),
			endDate: day(-21),
			createdAt: now - 30 * DAY,
			checkedOutAt: now - 24 * DAY,
			checkedOutById: an,
			conditionOut: 'good',
			partsOut: washer.accessories,
			deposit: 'taken',
			checkedInAt: now - 21 * DAY,
			checkedInById: an,
			conditionIn: 'good',
			partsBack: washer.accessories
		})
		.run();
	const steamer = tool('KBS-008');
	tx.insert(toolRepairs)
		.values({
			toolId: steamer.id,
			note: 'De slang lekt bij de koppeling. Nieuwe slang besteld.',
			expectedDate: day(7),
			startedAt: now - 2 * DAY,
			startedById: an
		})
		.run();
	tx.update(tools).set({ status: 'in_repair' }).where(eq(tools.id, steamer.id)).run();
	tx.insert(loans)
		.values({
			toolId: steamer.id,
			borrowerId: maria,
			startDate: day(3),
			endDate: day(5),
			createdAt: now - 10 * DAY
		})
		.run();
	seedDemoLoanHistory(tx, tz, an, now);
}
