import type { ChexpertLabel } from '../domain/chexpert.js';
import type { DecodedImage } from '../domain/DecodedImage.js';

/** One CheXpert observation as the classifier sees it. */
export interface FindingPrediction {
	readonly label: ChexpertLabel;
	readonly probability: number;
	readonly positive: boolean;
}

/** The image a conversation is about; `key` (e.g. the file's sha256) lets the model process cache its embeddings. */
export interface AssistantImage {
	readonly key: string;
	readonly image: DecodedImage;
}

export interface ChatTurn {
	readonly role: 'user' | 'assistant';
	readonly text: string;
}

/** The follow-up tasks of RaDialog (docs/radialog.md, section 4), plus a free question. */
export type AssistantRequest =
	| { readonly task: 'FQA_complete' }
	| { readonly task: 'FQA_binary'; readonly pathology: string }
	| { readonly task: 'RE'; readonly pathology: string }
	| { readonly task: 'RQA'; readonly region: string; readonly question: string }
	| { readonly task: 'EL' }
	| { readonly task: 'SU' }
	| { readonly task: 'CO'; readonly add: readonly ChexpertLabel[]; readonly remove: readonly ChexpertLabel[] }
	| { readonly task: 'free'; readonly text: string };

/** The part of AbortSignal this contract needs (the pure tree has no DOM or Node types). */
export interface CancelSignal {
	readonly aborted: boolean;
	addEventListener(type: 'abort', listener: () => void): void;
}

export interface StreamHandlers {
	onToken?(text: string, tokensPerSecond: number | null): void;
	signal?: CancelSignal;
}

export interface GeneratedText {
	readonly text: string;
	readonly tokenCount: number;
	/** The exact user message sent (stored with corrections and conversations for the dataset export). */
	readonly prompt: string;
	readonly stoppedBy: 'eos' | 'maxTokens' | 'cancelled';
}

/** What a first turn needs: the image and the positive findings the reader accepted. */
export interface DraftInput {
	readonly image: AssistantImage;
	readonly findings: readonly ChexpertLabel[];
}

/** What a later turn needs: the first turn's input, its answer (`report`) and the turns after it. */
export interface FollowUpInput extends DraftInput {
	readonly report: string;
	readonly history: readonly ChatTurn[];
	readonly request: AssistantRequest;
}

/**
 * What the workstation asks of the model stack. The app drafts; the radiologist decides: callers
 * mark every text this returns as a draft until a person signs it.
 */
export interface ReportAssistant {
	/** The model set's notice ("Demo models, synthetic data, not for clinical use"), or null. */
	readonly notice: string | null;
	predictFindings(image: AssistantImage, handlers?: StreamHandlers): Promise<FindingPrediction[]>;
	/** First turn: report generation. */
	draftReport(input: DraftInput, handlers?: StreamHandlers): Promise<GeneratedText>;
	/** A later turn; `report` is the current draft. */
	followUp(input: FollowUpInput, handlers?: StreamHandlers): Promise<GeneratedText>;
	close(): Promise<void>;
}
