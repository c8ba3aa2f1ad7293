import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DecodedImage } from '../../common/domain/DecodedImage.js';
import type { AssistantImage } from '../../common/radialog/ReportAssistant.js';
import { decodeJpegBaseline } from '../dicom/codecs/wasmCodecs.js';
import { decodeDicomBytes } from '../dicom/decodeDicom.js';

export class ImageNotFound extends Error {
	override readonly name = 'ImageNotFound';
}

const jpeg = /\.(jpe?g)$/i;
const dicom = /\.(dcm|dicom)$/i;

/**
 * An 8-bit JPEG as a decoded image: MIMIC-CXR-JPG, whose dicom ids the RaDialog Instruct Dataset names,
 * ships its radiographs this way. The model's preprocessing rescales min..max, as it does for DICOM.
 */
async function decodeJpegImage(bytes: Uint8Array): Promise<DecodedImage> {
	const d = await decodeJpegBaseline(bytes);
	let min = 255;
	let max = 0;
	for (const v of d.bytes) {
		if (v < min) min = v;
		if (v > max) max = v;
	}
	const rgb = d.componentCount === 3;
	return {
		rows: d.height,
		columns: d.width,
		samplesPerPixel: rgb ? 3 : 1,
		photometricInterpretation: rgb ? 'RGB' : 'MONOCHROME2',
		pixels: d.bytes,
		minValue: min,
		maxValue: max,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		pixelSpacing: null,
	};
}

/**
 * Finds a dataset's images by dicom id in a folder tree: `<id>.dcm`, `<id>.dicom`, a file named `<id>`
 * (DICOM), or `<id>.jpg` (MIMIC-CXR-JPG). The tree is listed once; the key is the file's sha256, so the
 * model process can cache embeddings.
 */
export function datasetImageFolder(dir: string): (dicomId: string) => Promise<AssistantImage> {
	const byId = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile()) byId.set(e.name.replace(dicom, '').replace(jpeg, ''), p);
		}
	};
	walk(dir);
	return async (dicomId) => {
		const file = byId.get(dicomId);
		if (!file) throw new ImageNotFound(`no image for dicom id "${dicomId}" under ${dir}`);
		const bytes = new Uint8Array(fs.readFileSync(file));
		const image = jpeg.test(file) ? await decodeJpegImage(bytes) : await decodeDicomBytes(bytes);
		return { key: crypto.createHash('sha256').update(bytes).digest('hex'), image };
	};
}
