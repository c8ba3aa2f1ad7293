import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { BertWordPieceTokenizer } from '../../../common/labeler/BertWordPieceTokenizer.js';
import type { ReportLabeler } from '../../../common/labeler/ReportLabeler.js';
import { emptyReportLabels, type ReportLabels } from '../../../common/labeler/ReportLabels.js';
import type { ReportLabelerModel } from '../../../common/models/ModelManifest.js';
import { ModelFileCorrupt, ModelFileMissing, ModelShapeMismatch } from '../modelErrors.js';

/** Reports per run: padding is to the longest report of a batch, and reports are batched by length. */
const batchSize = 8;

type IdType = 'int64' | 'int32';

function idTensor(
	type: IdType,
	rows: readonly number[][],
	width: number,
	value: (row: readonly number[], i: number) => number,
): ort.Tensor {
	const values = rows.flatMap((row) => Array.from({ length: width }, (_, i) => value(row, i)));
	const dims = [rows.length, width];
	if (type === 'int64') return new ort.Tensor(type, BigInt64Array.from(values, BigInt), dims);
	return new ort.Tensor(type, Int32Array.from(values), dims);
}

/**
 * A CheXbert-shaped report labeler on onnxruntime: WordPiece token ids and an attention mask in, one
 * logits tensor per CheXpert observation out, the largest logit naming the state. Names, class order
 * and the token limit come from the manifest's `labeler` entry; this file only knows the shape of the idea.
 */
export class OnnxReportLabeler implements ReportLabeler {
	private constructor(
		readonly name: string,
		private readonly spec: ReportLabelerModel,
		private readonly tokenizer: BertWordPieceTokenizer,
		private readonly session: ort.InferenceSession,
		private readonly idType: IdType,
		private readonly where: { manifestPath: string; file: string },
	) {}

	/** The graph and vocabulary paths, resolved against the manifest's folder; ModelFileMissing for one absent. */
	static files(manifestPath: string, spec: ReportLabelerModel): { file: string; vocabFile: string } {
		const dir = path.dirname(manifestPath);
		const file = path.join(dir, spec.file);
		const vocabFile = path.join(dir, spec.tokenizer.vocab.file);
		if (!fs.existsSync(file))
			throw new ModelFileMissing('the labeler model named in the manifest is missing', manifestPath, file);
		if (!fs.existsSync(vocabFile))
			throw new ModelFileMissing(
				"the labeler's vocabulary (labeler.tokenizer.vocab) is missing",
				manifestPath,
				vocabFile,
			);
		return { file, vocabFile };
	}

	/** Hashes are the caller's to verify first (createReportLabeler does). */
	static async open(
		manifestPath: string,
		spec: ReportLabelerModel,
		options: { threads?: number } = {},
	): Promise<OnnxReportLabeler> {
		const { file, vocabFile } = OnnxReportLabeler.files(manifestPath, spec);
		let tokenizer: BertWordPieceTokenizer;
		try {
			tokenizer = BertWordPieceTokenizer.fromVocab(fs.readFileSync(vocabFile, 'utf8'), {
				lowercase: spec.tokenizer.lowercase,
			});
		} catch (err) {
			throw new ModelFileCorrupt(
				`not a usable WordPiece vocabulary: ${(err as Error).message}`,
				manifestPath,
				vocabFile,
			);
		}
		let session: ort.InferenceSession;
		try {
			session = await ort.InferenceSession.create(file, {
				...(options.threads ? { intraOpNumThreads: options.threads } : {}),
				interOpNumThreads: 1,
			});
		} catch (err) {
			throw new ModelFileCorrupt(
				`not a loadable ONNX model: ${(err as Error).message.split('\n')[0]}`,
				manifestPath,
				file,
			);
		}
		try {
			const idType = OnnxReportLabeler.checkGraph(session, spec, { manifestPath, file });
			return new OnnxReportLabeler(spec.name, spec, tokenizer, session, idType, { manifestPath, file });
		} catch (err) {
			await session.release();
			throw err;
		}
	}

	/**
	 * Every declared input and output exists, the inputs are [batch, tokens] integers, each head's width
	 * matches its classes.
	 */
	private static checkGraph(
		session: ort.InferenceSession,
		spec: ReportLabelerModel,
		at: { manifestPath: string; file: string },
	): IdType {
		const mismatch = (what: string) => new ModelShapeMismatch(what, at.manifestPath, at.file);
		const declared = [
			spec.inputs.inputIds,
			spec.inputs.attentionMask,
			...(spec.inputs.tokenTypeIds ? [spec.inputs.tokenTypeIds] : []),
		];
		const missingIn = declared.filter((n) => !session.inputNames.includes(n));
		const missingOut = spec.heads.map((h) => h.output).filter((n) => !session.outputNames.includes(n));
		if (missingIn.length || missingOut.length) {
			const lacking = [...missingIn.map((n) => `input "${n}"`), ...missingOut.map((n) => `output "${n}"`)];
			throw mismatch(
				`the graph has inputs [${session.inputNames.join(', ')}] ` +
					`and outputs [${session.outputNames.join(', ')}]; ` +
					`the manifest names ${lacking.join(', ')} that it lacks`,
			);
		}
		const extra = session.inputNames.filter((n) => !declared.includes(n));
		if (extra.length)
			throw mismatch(`the graph also takes input(s) [${extra.join(', ')}] that the manifest does not describe`);
		let idType: IdType | undefined;
		for (const name of declared) {
			const m = session.inputMetadata.find((x) => x.name === name);
			if (!m?.isTensor) continue;
			if (m.type !== 'int64' && m.type !== 'int32')
				throw mismatch(`input "${name}" is ${m.type}; token ids and masks must be int64 or int32`);
			if (m.shape.length !== 2)
				throw mismatch(`input "${name}" has shape [${m.shape.join(', ')}]; expected [batch, tokens]`);
			if (idType && m.type !== idType) throw mismatch('the inputs mix int64 and int32');
			idType = m.type;
		}
		for (const head of spec.heads) {
			const m = session.outputMetadata.find((x) => x.name === head.output);
			if (!m?.isTensor) continue;
			const width = m.shape.at(-1);
			if (m.shape.length !== 2 || (typeof width === 'number' && width !== head.classes.length)) {
				throw mismatch(
					`output "${head.output}" (${head.label}) has shape [${m.shape.join(', ')}]; ` +
						`the manifest lists ${head.classes.length} classes, ` +
						`so [batch, ${head.classes.length}] was expected`,
				);
			}
		}
		return idType ?? 'int64';
	}

	/** The token ids each text is fed as ([CLS] … [SEP], truncated to the manifest's maxTokens). */
	encode(text: string): number[] {
		return this.tokenizer.encode(text, this.spec.tokenizer.maxTokens);
	}

	async label(texts: readonly string[]): Promise<ReportLabels[]> {
		const encoded = texts.map((t) => this.encode(t));
		const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length);
		const results = new Array<ReportLabels>(texts.length);
		for (let start = 0; start < order.length; start += batchSize) {
			const members = order.slice(start, start + batchSize);
			const labels = await this.runBatch(members.map((i) => encoded[i]!));
			members.forEach((i, k) => (results[i] = labels[k]!));
		}
		return results;
	}

	private async runBatch(rows: number[][]): Promise<ReportLabels[]> {
		const width = Math.max(...rows.map((r) => r.length));
		const pad = this.tokenizer.padId;
		const feeds: Record<string, ort.Tensor> = {
			[this.spec.inputs.inputIds]: idTensor(this.idType, rows, width, (row, i) => row[i] ?? pad),
			[this.spec.inputs.attentionMask]: idTensor(this.idType, rows, width, (row, i) => (i < row.length ? 1 : 0)),
		};
		if (this.spec.inputs.tokenTypeIds)
			feeds[this.spec.inputs.tokenTypeIds] = idTensor(this.idType, rows, width, () => 0);
		const out = await this.session.run(feeds);
		const labels = rows.map(() => emptyReportLabels());
		for (const head of this.spec.heads) {
			const t = out[head.output]!;
			const classes = head.classes.length;
			if (t.dims.length !== 2 || t.dims[0] !== rows.length || t.dims[1] !== classes) {
				throw new ModelShapeMismatch(
					`output "${head.output}" (${head.label}) has shape [${t.dims.join(', ')}], ` +
						`expected [${rows.length}, ${classes}]`,
					this.where.manifestPath,
					this.where.file,
				);
			}
			const logits = t.data as Float32Array;
			labels.forEach((l, r) => {
				let best = 0;
				for (let c = 1; c < classes; c++) if (logits[r * classes + c]! > logits[r * classes + best]!) best = c;
				l[head.label] = head.classes[best]!;
			});
		}
		return labels;
	}

	async close(): Promise<void> {
		await this.session.release();
	}
}
