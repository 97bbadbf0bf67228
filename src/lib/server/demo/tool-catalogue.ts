// The demo's lending service: data only. tools.ts adds it to the demo neighbourhood.

/** Where the demo's tools are picked up and brought back. */
export const DEMO_PICKUP_PLACE = {
	name: 'Dienstencentrum De Schijf',
	address: 'Oud-Oefenplein 1',
	openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '12:00' })),
	notes: 'Aan het onthaal. Vraag naar de uitleendienst.'
};

/** The grant the tools were bought with. */
export const DEMO_GRANT = {
	name: 'KBS-subsidie 2024',
	funder: 'Koning Boudewijnstichting',
	grantReference: 'KBS 2024-J1234'
};

/** The pilot's lending service: tools bought with a King Baudouin Foundation grant (seed 001). */
export const DEMO_TOOLS = [
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

/** The pilot's borrower agreement, version 1, in plain words (B1). */
export const DEMO_AGREEMENT = {
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
	].join('\n'),
	fr: [
		'1. Vous empruntez les outils gratuitement. Ils sont au quartier : prenez-en bien soin.',
		'2. Lisez les règles de sécurité avant de commencer. Un doute ? Demandez au service de prêt.',
		"3. Rapportez tout ce qui va avec, le jour convenu, pendant les heures d'ouverture.",
		'4. Vous ne pouvez pas rapporter à temps ? Prévenez-nous. Il n’y a pas d’amende.',
		'5. Quelque chose est cassé ? Dites-le honnêtement. Nous chercherons une solution ensemble.',
		'6. Vous empruntez pour vous-même ou pour aider quelqu’un du quartier, pas pour prêter ou louer à d’autres.'
	].join('\n'),
	tr: [
		'1. Aletleri ücretsiz ödünç alırsınız. Aletler mahallenindir: onlara iyi bakın.',
		'2. Başlamadan önce güvenlik kurallarını okuyun. Emin değil misiniz? Ödünç verme masasına sorun.',
		'3. Aletle gelen her şeyi, kararlaştırılan gün, açık olduğumuz saatlerde geri getirin.',
		'4. Zamanında getiremiyor musunuz? Bize haber verin. Ceza yoktur.',
		'5. Bir şey mi bozuldu? Dürüstçe söyleyin. Birlikte bir çözüm buluruz.',
		'6. Aleti kendiniz için ya da mahalleden birine yardım etmek için alırsınız; başkasına vermek ya da kiralamak için değil.'
	].join('\n'),
	ar: [
		'1. تستعير الأدوات مجانًا. الأدوات ملك للحي: اعتنِ بها جيدًا.',
		'2. اقرأ قواعد السلامة قبل أن تبدأ. عندك سؤال؟ اسأل مكتب الإعارة.',
		'3. أرجِع كل ما يأتي مع الأداة، في اليوم المتفق عليه، خلال ساعات العمل.',
		'4. لا تستطيع أن ترجعها في الوقت؟ أخبرنا. لا توجد غرامة.',
		'5. هل انكسر شيء؟ قل ذلك بصدق. سنجد حلًا معًا.',
		'6. تستعير الأداة لنفسك أو لتساعد أحدًا من الحي، وليس لتعيرها أو تؤجرها لغيرك.'
	].join('\n')
};
