import type { PacsConnection } from '../../common/api/pacsSettings.js';
import { PacsAddressError, parsePacsAddress } from '../pacs/index.js';
import { UsageError } from './parseArgs.js';

/** The PACS `--pacs` names (a DICOMweb URL or dicom://AET@host:port), as a connection; a usage error if bad. */
export function pacsOption(values: { pacs?: string | boolean | (string | boolean)[] | undefined }): PacsConnection {
	const address = values.pacs;
	if (typeof address !== 'string' || !address.trim()) {
		throw new UsageError('--pacs is required: a DICOMweb URL (https://host/dicom-web) or dicom://AET@host:port.');
	}
	try {
		return parsePacsAddress(address);
	} catch (error) {
		if (error instanceof PacsAddressError) throw new UsageError(error.message);
		throw error;
	}
}
