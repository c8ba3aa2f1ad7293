import type { PacsConnection } from '../../common/api/pacsSettings.js';
import type { PacsClient } from './PacsClient.js';
import { DicomWebPacsClient } from './DicomWebPacsClient.js';
import { DimsePacsClient, type DimseOptions } from './dimse/DimsePacsClient.js';

/** The adapter for a connection's protocol; C-MOVE needs the port our AE title receives on. */
export function openPacsClient(connection: PacsConnection, options: DimseOptions = {}): PacsClient {
	if (connection.kind === 'dicomweb') return new DicomWebPacsClient(connection);
	return new DimsePacsClient(connection, options);
}
