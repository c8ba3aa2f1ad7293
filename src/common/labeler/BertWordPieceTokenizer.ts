import { Tokenizer } from '@huggingface/tokenizers';

export class InvalidVocabulary extends Error {
	override readonly name = 'InvalidVocabulary';
}

/**
 * The part of the package's Tokenizer this class uses. The package's index.d.ts re-exports its classes
 * through extension-less paths that NodeNext resolution does not follow, so the linter sees Tokenizer's
 * type as unresolved; this interface types it instead.
 */
interface WordPieceBackend {
	tokenize(text: string): string[];
	encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
}
const WordPieceTokenizer = Tokenizer as unknown as new (json: object, config: object) => WordPieceBackend;

const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/**
 * BERT's WordPiece tokenizer over a vocab.txt, as CheXbert uses it (bert-base-uncased): clean-up,
 * lower-casing and accent stripping when uncased, split on whitespace and punctuation, then greedy
 * longest-match pieces with `##` continuations; a word over 100 characters or one with no matching
 * pieces becomes [UNK]. The splitting is Hugging Face's tokenizers.js, configured here the way
 * bert-base-uncased's tokenizer.json configures the Rust tokenizers; this class adds the vocabulary
 * reading and CheXbert's truncation.
 */
export class BertWordPieceTokenizer {
	readonly padId: number;
	private readonly clsId: number;
	private readonly sepId: number;

	private constructor(
		private readonly tokenizer: WordPieceBackend,
		private readonly vocab: ReadonlyMap<string, number>,
	) {
		this.padId = vocab.get('[PAD]')!;
		this.clsId = vocab.get('[CLS]')!;
		this.sepId = vocab.get('[SEP]')!;
	}

	/** `vocabText`: vocab.txt's content, one token per line, the line number being the id. */
	static fromVocab(vocabText: string, options: { lowercase: boolean }): BertWordPieceTokenizer {
		const lines = vocabText.split(/\r?\n/);
		if (lines.at(-1) === '') lines.pop();
		const vocab = new Map<string, number>();
		// A token listed twice keeps its later line's id, as both Hugging Face vocabulary loaders do.
		lines.forEach((token, id) => vocab.set(token, id));
		const missing = specials.filter((s) => s !== '[MASK]' && !vocab.has(s));
		if (missing.length) throw new InvalidVocabulary(`the vocabulary lacks ${missing.join(', ')}`);
		const special = (content: string) => ({
			id: vocab.get(content)!,
			content,
			single_word: false,
			lstrip: false,
			rstrip: false,
			normalized: false,
			special: true,
		});
		const tokenizer = new WordPieceTokenizer(
			{
				normalizer: {
					type: 'BertNormalizer',
					clean_text: true,
					handle_chinese_chars: true,
					strip_accents: null,
					lowercase: options.lowercase,
				},
				pre_tokenizer: { type: 'BertPreTokenizer' },
				model: {
					type: 'WordPiece',
					unk_token: '[UNK]',
					continuing_subword_prefix: '##',
					max_input_chars_per_word: 100,
					vocab: Object.fromEntries(vocab),
				},
				post_processor: null,
				decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
				added_tokens: specials.filter((s) => vocab.has(s)).map(special),
			},
			{},
		);
		return new BertWordPieceTokenizer(tokenizer, vocab);
	}

	get vocabSize(): number {
		return this.vocab.size;
	}

	/** The word pieces of `text`, without [CLS]/[SEP]. */
	tokenize(text: string): string[] {
		return this.tokenizer.tokenize(text);
	}

	/**
	 * Token ids `[CLS] pieces [SEP]`, at most `maxTokens` long: a longer report keeps its first
	 * `maxTokens - 1` ids and ends with [SEP] (CheXbert's bert_tokenizer.py does the same at 512).
	 */
	encode(text: string, maxTokens: number): number[] {
		const pieces = this.tokenizer.encode(text, { add_special_tokens: false }).ids;
		const ids = [this.clsId, ...pieces, this.sepId];
		return ids.length > maxTokens ? [...ids.slice(0, maxTokens - 1), this.sepId] : ids;
	}
}
