/**
 * One frame of a DICOM image after decoding, before any display or model transform. Produced by the
 * single decoder in src/node/dicom; consumed by the viewer (through the API) and by model preprocessing.
 */
export interface DecodedImage {
	readonly rows: number;
	readonly columns: number;
	/** 1 for grayscale, 3 for RGB (interleaved). */
	readonly samplesPerPixel: 1 | 3;
	readonly photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB' | (string & {});
	/** Stored values after modality LUT (rescale slope/intercept applied), row-major. */
	readonly pixels: Float32Array | Int16Array | Uint16Array | Uint8Array | Int32Array;
	readonly minValue: number;
	readonly maxValue: number;
	/** Window from the file (first of several), or null when the file gives none. */
	readonly windowCenter: number | null;
	readonly windowWidth: number | null;
	readonly rescaleSlope: number;
	readonly rescaleIntercept: number;
	readonly pixelSpacing: readonly [number, number] | null;
	/** Which attribute gave the spacing: Pixel Spacing ('patient') or Imager Pixel Spacing ('detector'). */
	readonly pixelSpacingSource?: 'patient' | 'detector' | null;
	/** Patient Orientation (0020,0020): row and column direction letters, e.g. ['L', 'F']. */
	readonly patientOrientation?: readonly [string, string] | null;
	readonly imageLaterality?: string | null;
	/** VOI LUT from the file (first item of 0028,3010), applied after the modality LUT; absent when none. */
	readonly voiLut?: VoiLut | null;
	/** Frames in the instance this frame came from (1 for a single radiograph). */
	readonly numberOfFrames?: number;
}

/** A lookup table from stored values to display values (PS3.3 C.11.2). */
export interface VoiLut {
	readonly firstValueMapped: number;
	readonly bitsPerEntry: number;
	readonly data: readonly number[];
}
