/** A DICOM DA value (YYYYMMDD) as ISO 8601 (1954-03-07); anything else as is, so nothing is hidden. */
export function formatDicomDate(da: string | null | undefined): string {
	return da && /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : (da ?? '');
}
