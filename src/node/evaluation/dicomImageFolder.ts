import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AssistantImage } from '../../common/radialog/ReportAssistant.js';
import { decodeDicomBytes } from '../dicom/decodeDicom.js';

export class ImageNotFound extends Error {
	override readonly name = 'ImageNotFound';
}

/**
 * Finds a dataset's images by dicom id in a folder tree: `<id>.dcm`, `<id>.dicom` or a file named `<id>`.
 * The tree is listed once; the key is the file's sha256, so the model process can cache embeddings.
 */
export function dicomImageFolder(dir: string): (dicom: string) => Promise<AssistantImage> {
	const byId = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile()) byId.set(e.name.replace(/\.(dcm|dicom)$/i, ''), p);
		}
	};
	walk(dir);
	return async (dicom) => {
		const file = byId.get(dicom);
		if (!file) throw new ImageNotFound(`no image for dicom id "${dicom}" under ${dir}`);
		const bytes = fs.readFileSync(file);
		return { key: crypto.createHash('sha256').update(bytes).digest('hex'), image: await decodeDicomBytes(bytes) };
	};
}
