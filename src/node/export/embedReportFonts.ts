import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { projectRoot } from '../workstation/projectRoot.js';

/** The fonts a report PDF draws with: DejaVu Sans for Latin, Greek and Cyrillic, Droid Sans Fallback for CJK. */
export interface ReportFonts {
	readonly regular: PDFFont;
	readonly bold: PDFFont;
	/** For characters DejaVu lacks (Chinese, Japanese, Korean), one weight only; null where the text has none. */
	readonly fallback: PDFFont | null;
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

/**
 * DejaVu is subset (only the glyphs used go in). fontkit's subsetter loses Droid's composite CJK glyphs
 * (they come out blank), so Droid goes in whole, and only when `text` (all the PDF will say) needs it.
 */
export async function embedReportFonts(pdf: PDFDocument, text: string): Promise<ReportFonts> {
	pdf.registerFontkit(fontkit);
	const regular = await pdf.embedFont(fontBytes(files.regular), { subset: true });
	const bold = await pdf.embedFont(fontBytes(files.bold), { subset: true });
	const latin = new Set(regular.getCharacterSet());
	const needsFallback = [...text].some((ch) => !/\s/.test(ch) && !latin.has(ch.codePointAt(0)!));
	return { regular, bold, fallback: needsFallback ? await pdf.embedFont(fontBytes(files.fallback)) : null };
}
