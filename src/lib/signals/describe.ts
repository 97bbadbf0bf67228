import { m } from '$lib/paraglide/messages.js';
import type { SignalKind, SignalStatus } from './kinds';

const kinds: Record<SignalKind, () => string> = {
	client: m.intake_signal_kind_client,
	service: m.intake_signal_kind_service,
	policy: m.intake_signal_kind_policy
};
const statuses: Record<SignalStatus, () => string> = {
	received: m.intake_status_received,
	picked_up: m.intake_status_picked_up,
	closed: m.intake_status_closed
};

export const signalKindText = (kind: SignalKind) => kinds[kind]();
export const signalStatusText = (status: SignalStatus) => statuses[status]();
