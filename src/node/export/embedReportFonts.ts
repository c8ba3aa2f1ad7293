import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { projectRoot } from '../workstation/projectRoot.js';

/** The fonts a report PDF draws with: DejaVu Sans for Latin, Greek and Cyrillic, Droid Sans Fallback for CJK. */
export interface ReportFonts {
	readonly regular: PDFFont;
	readonly bold: PDFFont;
	/** For characters DejaVu lacks (Chinese, Japanese, Korean); it has one weight only. */
	readonly fallback: PDFFont;
}

// Shipped with the app (licences beside them): PDF's standard fonts know WinAnsi only, and the system's
// fonts differ from site to site. Read once; each PDF embeds only the glyphs it uses.
const files = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', fallback: 'DroidSansFallbackFull.ttf' };
const cache = new Map<string, Uint8Array>();

function fontBytes(name: string): Uint8Array {
	let bytes = cache.get(name);
	if (!bytes) {
		// From the project root, since the bundled main process runs from dist/ while the fonts stay in src/.
		bytes = fs.readFileSync(path.join(projectRoot(), 'src', 'node', 'export', 'fonts', name));
		cache.set(name, bytes);
	}
	return bytes;
}

export async function embedReportFonts(pdf: PDFDocument): Promise<ReportFonts> {
	pdf.registerFontkit(fontkit);
	const embed = (name: string) => pdf.embedFont(fontBytes(name), { subset: true });
	return {
		regular: await embed(files.regular),
		bold: await embed(files.bold),
		fallback: await embed(files.fallback),
	};
}
