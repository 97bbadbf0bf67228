import type { AddressInfo } from 'node:net';
import smpp from 'smpp';

/** One submit_sm as the test SMSC received it, decoded as a phone would. */
export interface ReceivedSms {
	destination: string;
	source: string;
	sourceTon: number;
	dataCoding: number;
	esmClass: number;
	/** The concatenation element (IEI 0, length 3, ref, total, number), or null for a single SMS. */
	concat: { ref: number; total: number; number: number } | null;
	text: string;
}

export interface TestSmpp {
	url: string;
	/** Every accepted submit_sm, in order. */
	received: ReceivedSms[];
	/** How many bind_transceiver requests came in (accepted or not). */
	binds(): number;
	/** Sends a deliver_sm to the bound client (a person's reply, or a receipt) and gives its resp status. */
	deliver(from: string, text: string, esmClass?: number): Promise<number>;
	/** Cuts every connection, as an SMSC restart does. */
	drop(): void;
	close(): Promise<void>;
}

export interface TestSmppOptions {
	systemId?: string;
	password?: string;
	/** The answer to the n-th bind (1-based); ESME_ROK to accept. */
	bind?: (n: number) => number;
	/** The answer to the n-th submit_sm; ESME_ROK to accept (only accepted ones are received). */
	submit?: (n: number) => number;
	/** False: never answer enquire_link, as a connection that died silently. */
	answerEnquireLink?: boolean;
}

/**
 * A real SMSC for unit tests, from the same `smpp` package, on a free localhost port: it checks
 * the bind's credentials, answers submit_sm and enquire_link, and can deliver replies.
 */
export async function startTestSmpp({
	systemId = 'naburig',
	password = 'secret',
	bind = () => smpp.ESME_ROK,
	submit = () => smpp.ESME_ROK,
	answerEnquireLink = true
}: TestSmppOptions = {}): Promise<TestSmpp> {
	const received: ReceivedSms[] = [];
	let binds = 0;
	let submits = 0;
	let messageIds = 0;
	const bound = new Set<smpp.Session>();
	const server = smpp.createServer((session) => {
		session.on('error', () => {});
		session.on('close', () => bound.delete(session));
		session.on('bind_transceiver', (pdu: smpp.Pdu) => {
			const wrong = pdu.system_id !== systemId || pdu.password !== password;
			const status = wrong ? smpp.errors.ESME_RBINDFAIL! : bind(++binds);
			session.send(pdu.response({ command_status: status }));
			if (status === smpp.ESME_ROK) bound.add(session);
			else session.close();
		});
		session.on('enquire_link', (pdu: smpp.Pdu) => {
			if (answerEnquireLink) session.send(pdu.response());
		});
		session.on('unbind', (pdu: smpp.Pdu) => {
			session.send(pdu.response());
			session.close();
		});
		session.on('submit_sm', (pdu: smpp.Pdu) => {
			const status = submit(++submits);
			if (status === smpp.ESME_ROK) received.push(decode(pdu));
			session.send(pdu.response({ command_status: status, message_id: String(++messageIds) }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `smpp://${systemId}:${password}@127.0.0.1:${port}`,
		received,
		binds: () => binds,
		deliver(from, text, esmClass = 0) {
			const [session] = bound;
			if (!session) return Promise.reject(new Error('No client is bound'));
			return new Promise((resolve) => {
				session.deliver_sm(
					{
						source_addr_ton: 1,
						source_addr_npi: 1,
						source_addr: from,
						esm_class: esmClass,
						short_message: text
					},
					(resp) => resolve(resp.command_status)
				);
			});
		},
		drop() {
			for (const s of server.sessions) s.destroy();
		},
		close: () =>
			new Promise((resolve) => {
				for (const s of server.sessions) s.destroy();
				server.close(() => resolve());
			})
	};
}

function decode(pdu: smpp.Pdu): ReceivedSms {
	const sm = pdu.short_message as smpp.DecodedMessage;
	const ie = sm.udh?.find((u) => u[0] === 0x00);
	return {
		destination: String(pdu.destination_addr),
		source: String(pdu.source_addr),
		sourceTon: Number(pdu.source_addr_ton),
		dataCoding: Number(pdu.data_coding),
		esmClass: Number(pdu.esm_class),
		concat: ie ? { ref: ie[2]!, total: ie[3]!, number: ie[4]! } : null,
		text: String(sm.message)
	};
}
