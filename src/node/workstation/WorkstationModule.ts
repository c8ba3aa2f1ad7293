import type { ApiHandlers } from '../../common/api/contract.js';
import type { BackgroundService } from './BackgroundService.js';

/**
 * The shape every capability's `<x>Module.ts` returns: its slice of the API and its background work.
 * A module may expose more (its services, for the modules built after it), always as named fields.
 */
export interface WorkstationModule<H extends Partial<ApiHandlers> = Partial<ApiHandlers>> {
	readonly handlers: H;
	readonly background: readonly BackgroundService[];
	/** The module's services, for the modules built after it and for the CLI. */
	readonly [service: string]: unknown;
}
