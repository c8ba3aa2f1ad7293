import { PacsConnection } from '../../common/api/pacsSettings.js';

/** The PACS a `--pacs` argument names, with our AE title for DIMSE. */
export class PacsAddressError extends Error {
	override readonly name = 'PacsAddressError';
	constructor(address: string) {
		super(
			`"${address}" is not a PACS address: give a DICOMweb URL (https://host/dicom-web) or dicom://AET@host:port`,
		);
	}
}

/**
 * A `--pacs` argument as a connection: an http(s) URL is a DICOMweb root; dicom://AET@host:port is a DIMSE
 * peer. The id is the address itself, so reports sent from the command line are remembered by it.
 */
export function parsePacsAddress(address: string, ourAeTitle = 'RADIALOG'): PacsConnection {
	const dimse = /^dicom:\/\/([^@]{1,16})@([^:/]+):(\d{1,5})\/?$/i.exec(address.trim());
	const parsed = dimse
		? PacsConnection.safeParse({
				kind: 'dimse',
				id: address,
				name: address,
				aeTitle: dimse[1],
				host: dimse[2],
				port: Number(dimse[3]),
				ourAeTitle,
			})
		: PacsConnection.safeParse({
				kind: 'dicomweb',
				id: address.slice(0, 64),
				name: address,
				baseUrl: address.trim(),
			});
	if (!parsed.success) throw new PacsAddressError(address);
	return parsed.data;
}
