import type { PacsConnection } from '../../common/api/pacsSettings.js';
import type { PacsClient } from './PacsClient.js';
import { DicomWebPacsClient } from './DicomWebPacsClient.js';
import { DimsePacsClient } from './dimse/DimsePacsClient.js';

/** The adapter for a connection's protocol. */
export function openPacsClient(connection: PacsConnection): PacsClient {
	if (connection.kind === 'dicomweb') return new DicomWebPacsClient(connection);
	return new DimsePacsClient(connection);
}
