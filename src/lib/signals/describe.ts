import { m } from '$lib/paraglide/messages.js';

const kinds: Record<string, () => string> = {
	client: m.intake_signal_kind_client,
	service: m.intake_signal_kind_service,
	policy: m.intake_signal_kind_policy
};
const statuses: Record<string, () => string> = {
	received: m.intake_status_received,
	picked_up: m.intake_status_picked_up,
	closed: m.intake_status_closed
};

export const signalKindText = (kind: string) => kinds[kind]?.() ?? kind;
export const signalStatusText = (status: string) => statuses[status]?.() ?? status;
export const SIGNAL_KIND_LIST = ['client', 'service', 'policy'] as const;
