/** One record of the RaDialog Instruct Dataset's file: `{"instruction", "output", "dicom"}`. */
export interface InstructRecord {
	readonly instruction: string;
	readonly output: string;
	readonly dicom: string;
}
