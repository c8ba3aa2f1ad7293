import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { embedReportFonts, type ReportFonts } from './embedReportFonts.js';

/** A stretch of text drawn in one font. */
interface Run {
	readonly text: string;
	readonly font: PDFFont;
}

/** A small flowing-text layout over pdf-lib: A4 pages, wrapped paragraphs, headings and boxed banners. */
export class PdfLayout {
	private page!: PDFPage;
	private y = 0;
	readonly margin = 56;
	readonly width = 595.28;
	readonly height = 841.89;

	private readonly covered = new Map<PDFFont, Set<number>>();

	private constructor(
		readonly pdf: PDFDocument,
		private readonly fonts: ReportFonts,
		private readonly footer: string | null,
	) {
		this.newPage();
	}

	get regular(): PDFFont {
		return this.fonts.regular;
	}

	get bold(): PDFFont {
		return this.fonts.bold;
	}

	/** `text` is everything the PDF will say, so a CJK font goes in only where it is needed. */
	static async create(title: string, footer: string | null, text: string): Promise<PdfLayout> {
		const pdf = await PDFDocument.create();
		pdf.setTitle(title);
		pdf.setProducer('RaDialog Workstation');
		pdf.setCreator('RaDialog Workstation');
		return new PdfLayout(pdf, await embedReportFonts(pdf, `${title}\n${footer ?? ''}\n${text}`), footer);
	}

	private has(font: PDFFont, codePoint: number): boolean {
		let set = this.covered.get(font);
		if (!set) this.covered.set(font, (set = new Set(font.getCharacterSet())));
		return set.has(codePoint);
	}

	/** The text cut where the font changes: the fallback font draws what the main one has no glyph for. */
	private runs(text: string, font: PDFFont): Run[] {
		const runs: { text: string; font: PDFFont }[] = [];
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			const fallback = this.fonts.fallback;
			const f = !fallback || this.has(font, cp) || !this.has(fallback, cp) ? font : fallback;
			const last = runs[runs.length - 1];
			if (last?.font === f) last.text += ch;
			else runs.push({ text: ch, font: f });
		}
		return runs;
	}

	private widthOf(text: string, font: PDFFont, size: number): number {
		return this.runs(text, font).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
	}

	private draw(text: string, o: { x: number; y: number; size: number; font: PDFFont; color: RGB }): void {
		let x = o.x;
		for (const r of this.runs(text, o.font)) {
			this.page.drawText(r.text, { ...o, x, font: r.font });
			x += r.font.widthOfTextAtSize(r.text, o.size);
		}
	}

	private newPage(): void {
		this.page = this.pdf.addPage([this.width, this.height]);
		this.y = this.height - this.margin;
		if (this.footer)
			this.draw(this.footer, {
				x: this.margin,
				y: 28,
				size: 8,
				font: this.regular,
				color: rgb(0.4, 0.4, 0.4),
			});
	}

	private need(h: number): void {
		if (this.y - h < this.margin) this.newPage();
	}

	wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
		const lines: string[] = [];
		for (const para of text.split(/\r?\n/)) {
			let line = '';
			for (const word of para.split(/\s+/).filter(Boolean)) {
				const next = line ? `${line} ${word}` : word;
				if (this.widthOf(next, font, size) <= maxWidth || !line) line = next;
				else {
					lines.push(line);
					line = word;
				}
			}
			lines.push(line);
		}
		return lines;
	}

	text(
		text: string,
		o: { size?: number; bold?: boolean; color?: RGB; gapAfter?: number; indent?: number } = {},
	): void {
		const size = o.size ?? 11;
		const font = o.bold ? this.bold : this.regular;
		const lead = size * 1.35;
		const x = this.margin + (o.indent ?? 0);
		for (const line of this.wrap(text, font, size, this.width - x - this.margin)) {
			this.need(lead);
			this.y -= lead;
			this.draw(line, { x, y: this.y, size, font, color: o.color ?? rgb(0.1, 0.1, 0.1) });
		}
		this.y -= o.gapAfter ?? size * 0.6;
	}

	banner(text: string, o: { size?: number; fill: RGB; color: RGB }): void {
		const size = o.size ?? 12;
		const lines = this.wrap(text, this.bold, size, this.width - 2 * this.margin - 16);
		const h = lines.length * size * 1.35 + 12;
		this.need(h + 8);
		this.page.drawRectangle({
			x: this.margin,
			y: this.y - h,
			width: this.width - 2 * this.margin,
			height: h,
			color: o.fill,
			borderColor: o.color,
			borderWidth: 1.5,
		});
		let y = this.y - 6;
		for (const line of lines) {
			y -= size * 1.35;
			this.draw(line, { x: this.margin + 8, y: y + 3, size, font: this.bold, color: o.color });
		}
		this.y -= h + 10;
	}

	rule(): void {
		this.need(10);
		this.page.drawLine({
			start: { x: this.margin, y: this.y - 4 },
			end: { x: this.width - this.margin, y: this.y - 4 },
			thickness: 0.7,
			color: rgb(0.6, 0.6, 0.6),
		});
		this.y -= 12;
	}

	async image(png: Uint8Array, maxHeight: number): Promise<void> {
		const img = await this.pdf.embedPng(png);
		const scale = Math.min((this.width - 2 * this.margin) / img.width, maxHeight / img.height);
		this.need(img.height * scale + 10);
		this.y -= img.height * scale;
		this.page.drawImage(img, { x: this.margin, y: this.y, width: img.width * scale, height: img.height * scale });
		this.y -= 10;
	}

	async save(): Promise<Uint8Array> {
		return this.pdf.save();
	}
}
