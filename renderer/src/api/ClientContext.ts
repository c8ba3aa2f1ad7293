import { createContext, useContext } from 'react';
import type { WorkstationClient } from './WorkstationClient.js';

export const ClientContext = createContext<WorkstationClient | null>(null);

export function useClient(): WorkstationClient {
	const c = useContext(ClientContext);
	if (!c) throw new Error('ClientContext missing');
	return c;
}
