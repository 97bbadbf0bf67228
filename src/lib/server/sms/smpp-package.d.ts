// The part of the `smpp` package (node-smpp 0.5, plain JavaScript without types) that Naburig
// uses, typed from its README and lib/smpp.js. Parameter names are those of the SMPP spec.
declare module 'smpp' {
	import type { EventEmitter } from 'node:events';
	import type { Server as NetServer } from 'node:net';

	namespace smpp {
		/** short_message / message_payload as a received PDU holds them, decoded by data_coding. */
		interface DecodedMessage {
			message: string | Buffer;
			udh?: Buffer[];
		}

		/** A PDU; its parameters are properties named as in the spec (esm_class, data_coding, …). */
		interface Pdu {
			command: string;
			command_status: number;
			sequence_number: number;
			isResponse(): boolean;
			/** The response PDU to this request, e.g. deliver_sm_resp for a deliver_sm. */
			response(options?: Record<string, unknown>): Pdu;
			[param: string]: unknown;
		}

		type PduCallback = (pdu: Pdu) => void;
		type Operation = (options?: Record<string, unknown>, responseCallback?: PduCallback) => boolean;

		interface Session extends EventEmitter {
			/** Sends a request or response; false when the socket is not writable. */
			send(pdu: Pdu, responseCallback?: PduCallback, sendCallback?: PduCallback): boolean;
			close(callback?: () => void): void;
			destroy(callback?: () => void): void;
			pause(): void;
			resume(): void;
			bind_transceiver: Operation;
			submit_sm: Operation;
			deliver_sm: Operation;
			enquire_link: Operation;
			unbind: Operation;
			/** The server of a session it accepted. */
			server?: Server;
		}

		interface Server extends NetServer {
			sessions: Session[];
		}

		interface ConnectOptions {
			host: string;
			port: number;
			/** Connect over TLS (the `ssmpp://` scheme). */
			tls?: boolean;
			auto_enquire_link_period?: number;
		}

		function connect(options: ConnectOptions, listener?: () => void): Session;
		function createServer(listener: (session: Session) => void): Server;

		/** GSM 03.38 (the default alphabet, data_coding 0): one byte per septet, escapes as 0x1B. */
		const gsmCoder: {
			encode(text: string, table: 0): Buffer;
			decode(bytes: Buffer, table: 0): string;
		};
		/** Command statuses by name, e.g. errors.ESME_RTHROTTLED === 0x58. */
		const errors: Record<string, number>;
		const ESME_ROK: number;
	}
	export = smpp;
}
