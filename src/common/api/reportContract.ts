import { z } from 'zod';
import { chexpertLabels } from '../domain/chexpert.js';
import { StudyStatus } from './worklistContract.js';

/** The 14 CheXpert observations, in the domain's order (the renderer reaches them through this file). */
export const FindingLabel = z.enum(chexpertLabels);
export type FindingLabel = z.infer<typeof FindingLabel>;

export const FindingDecision = z.enum(['accepted', 'rejected']);

export const FindingState = z.object({
	label: FindingLabel,
	/** From the classifier; null when no prediction was made for this study yet. */
	probability: z.number().nullable(),
	predictedPositive: z.boolean().nullable(),
	decision: FindingDecision.nullable(),
	/** What the reader stands behind now: the decision where made, else the prediction. */
	positive: z.boolean(),
});
export type FindingState = z.infer<typeof FindingState>;

export const ReportView = z.object({
	id: z.number().int(),
	status: z.enum(['draft', 'signed']),
	findings: z.string(),
	impression: z.string(),
	aiGenerated: z.boolean(),
	modelNotice: z.string().nullable(),
	signedBy: z.string().nullable(),
	signedAt: z.string().nullable(),
	updatedAt: z.string(),
	versionNo: z.number().int(),
	/** The labels the current text was written from; corrections are computed against these. */
	basisLabels: z.array(FindingLabel),
});
export type ReportView = z.infer<typeof ReportView>;

export const Addendum = z.object({
	id: z.number().int(),
	text: z.string(),
	signedBy: z.string(),
	signedAt: z.string(),
});

export const AssistantTask = z.enum(['FQA_complete', 'FQA_binary', 'RE', 'RQA', 'EL', 'SU', 'CO', 'free']);
export type AssistantTask = z.infer<typeof AssistantTask>;

/** Where a derived text (a handout, an answer) contradicts the report; see docs/faithfulness.md. */
export const Contradiction = z.object({
	finding: z.string(),
	report: z.string(),
	text: z.string(),
	kind: z.enum(['unreported', 'reported absent', 'denied', 'side', 'size']),
});
export type Contradiction = z.infer<typeof Contradiction>;

/** An assistant answer checked against the report as it stands now (stored as it stood when given, for the audit). */
export const AnswerCheck = z.object({
	contradictions: z.array(Contradiction),
	/** The answer quotes the report with words the report does not contain. */
	quoteNotInReport: z.boolean(),
});

export const ChatMessage = z.object({
	id: z.number().int(),
	role: z.enum(['user', 'assistant']),
	task: z.string(),
	text: z.string(),
	createdAt: z.string(),
	/** Null for questions, and for answers not checked (proposed corrections, answers stored before checks). */
	check: AnswerCheck.nullable(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Handout = z.object({
	text: z.string(),
	aiText: z.string(),
	reviewedBy: z.string().nullable(),
	updatedAt: z.string(),
});

export const StudyHeader = z.object({
	studyInstanceUid: z.string(),
	patientName: z.string(),
	patientId: z.string(),
	patientSex: z.string().nullable(),
	patientBirthDate: z.string().nullable(),
	studyDate: z.string().nullable(),
	accessionNumber: z.string().nullable(),
	description: z.string().nullable(),
});

/** What an applied correction changed that the reader did not ask for; see docs/faithfulness.md. */
export const CorrectionCheck = z.object({
	unasked: z.array(
		z.object({
			finding: z.string(),
			change: z.enum(['appeared', 'disappeared']),
			sentence: z.string(),
			message: z.string(),
		}),
	),
	changed: z.array(
		z.object({
			finding: z.string(),
			change: z.enum(['side', 'size']),
			before: z.string(),
			after: z.string(),
			sentence: z.string(),
			message: z.string(),
		}),
	),
});
export type CorrectionCheck = z.infer<typeof CorrectionCheck>;

export const ReportState = z.object({
	/** Says what this result is, so a caller never guesses from its other fields. */
	kind: z.literal('report.state'),
	studyId: z.number().int(),
	studyStatus: StudyStatus,
	header: StudyHeader,
	findings: z.array(FindingState),
	report: ReportView.nullable(),
	addenda: z.array(Addendum),
	messages: z.array(ChatMessage),
	handout: Handout.nullable(),
	/** Where the handout contradicts the report as it stands; export refuses it without an override. */
	handoutCheck: z.array(Contradiction),
	/** The model set's notice, shown wherever model output appears. */
	modelNotice: z.string().nullable(),
	assistantAvailable: z.boolean(),
	assistantProblem: z.string().nullable(),
	/** What "apply" would send: accepted labels the text lacks, rejected ones it was written from. */
	pendingCorrection: z.object({ add: z.array(FindingLabel), remove: z.array(FindingLabel) }),
	readerName: z.string(),
	/** The reader changed the text since the model last wrote it (read from the stored versions). */
	editedSinceModel: z.boolean(),
	/** The version "Undo apply" restores: the text as it was before the last correction; null when none. */
	undoApply: z.object({ versionNo: z.number().int() }).nullable(),
	/** The Impression is still the model's summary, not yet changed by the reader. */
	impressionByModel: z.boolean(),
	/** The last Apply checked against what was asked; null once the text changed again or none was applied. */
	correctionCheck: CorrectionCheck.nullable().optional(),
});
export type ReportState = z.infer<typeof ReportState>;

/** One request to the assistant, as the chat panel sends it (the seven instruct tasks and free questions). */
export const AskRequest = z.discriminatedUnion('task', [
	z.object({ task: z.literal('FQA_complete') }),
	z.object({ task: z.literal('FQA_binary'), pathology: z.string().min(1).max(200) }),
	z.object({ task: z.literal('RE'), pathology: z.string().min(1).max(200) }),
	z.object({ task: z.literal('RQA'), region: z.string().min(1).max(100), question: z.string().min(1).max(2000) }),
	z.object({ task: z.literal('EL') }),
	z.object({ task: z.literal('SU') }),
	z.object({ task: z.literal('CO'), add: z.array(FindingLabel), remove: z.array(FindingLabel) }),
	z.object({ task: z.literal('free'), text: z.string().min(1).max(4000) }),
]);
export type AskRequest = z.infer<typeof AskRequest>;

export const ConsistencyIssue = z.object({
	label: FindingLabel,
	kind: z.enum([
		'mentioned_but_rejected',
		'accepted_but_missing',
		/** The text denies a finding the reader accepted or the model found. */
		'denied_but_positive',
		/** The model found it, the reader did not reject it, and the text does not mention it. */
		'predicted_but_missing',
	]),
	message: z.string(),
});
export type ConsistencyIssue = z.infer<typeof ConsistencyIssue>;

/**
 * One line of the sign dialog. Serious ones (the text contradicts the reader's decisions or itself, or
 * has no Impression) need a deliberate acknowledgement; minor ones (omissions) are notes. See docs/signing.md.
 */
export const SignWarning = z.object({
	kind: z.enum([
		...ConsistencyIssue.shape.kind.options,
		'empty_impression',
		/** The faithfulness check found the Impression saying what the Findings do not. */
		'impression_contradicts_findings',
		/** No labeler: the text could not be checked against the findings. */
		'not_checked',
	]),
	label: z.string().nullable(),
	serious: z.boolean(),
	message: z.string(),
});
export type SignWarning = z.infer<typeof SignWarning>;

export const ReportVersion = z.object({
	versionNo: z.number().int(),
	source: z.enum(['draft', 'correction', 'edit', 'sign', 'addendum']),
	author: z.string(),
	createdAt: z.string(),
	updatedAt: z.string(),
	findings: z.string(),
	impression: z.string(),
});
export type ReportVersion = z.infer<typeof ReportVersion>;

export const DiffSegment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const ExportFormat = z.enum(['pdf', 'text', 'sr', 'fhir', 'hl7', 'handout']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const AuditEntry = z.object({
	id: z.number().int(),
	at: z.string(),
	actor: z.string(),
	action: z.string(),
	reportId: z.number().int().nullable(),
	detail: z.record(z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const ForStudy = z.object({ studyId: z.number().int() }).strict();

export const reportContract = {
	'report.open': { input: ForStudy, output: ReportState },
	/** Predicts findings (when not yet done) and drafts the report; tokens stream as `tokens` events. */
	'report.draft': {
		input: z.object({ studyId: z.number().int(), regenerate: z.boolean().default(false) }).strict(),
		output: ReportState,
	},
	'report.decideFinding': {
		input: z
			.object({ studyId: z.number().int(), label: FindingLabel, decision: FindingDecision.nullable() })
			.strict(),
		output: ReportState,
	},
	/** Sends the correction instruction built from the decisions and regenerates the draft. */
	'report.applyCorrections': {
		input: z
			.object({
				studyId: z.number().int(),
				/** The reader confirmed that the rewrite replaces their edits (kept as an earlier version). */
				replaceEdits: z.boolean().default(false),
			})
			.strict(),
		output: ReportState,
	},
	/** Restores the text as it was before the last correction, as a new version. */
	'report.undoApply': { input: ForStudy, output: ReportState },
	/** Autosave of the editor: coalesces quick saves into one version. */
	'report.save': {
		input: z
			.object({
				studyId: z.number().int(),
				findings: z.string().max(100_000),
				impression: z.string().max(100_000),
			})
			.strict(),
		output: z.object({ versionNo: z.number().int(), savedAt: z.string() }),
	},
	'report.versions': { input: ForStudy, output: z.array(ReportVersion) },
	'report.diff': {
		input: z.object({ studyId: z.number().int(), from: z.number().int(), to: z.number().int() }).strict(),
		output: z.array(DiffSegment),
	},
	'report.ask': {
		input: z.object({ studyId: z.number().int(), request: AskRequest }).strict(),
		output: z.object({ question: ChatMessage, answer: ChatMessage }),
	},
	'report.check': {
		input: ForStudy,
		output: z.object({
			issues: z.array(ConsistencyIssue),
			labelerAvailable: z.boolean(),
			/** Everything the sign dialog lists: the issues, an empty Impression, contradictions. */
			warnings: z.array(SignWarning),
		}),
	},
	/** Signs with the reader name from the settings; refuses while consistency issues are unacknowledged. */
	'report.sign': {
		input: z.object({ studyId: z.number().int(), acknowledgeIssues: z.boolean().default(false) }).strict(),
		output: ReportState,
	},
	'report.addendum': {
		input: z.object({ studyId: z.number().int(), text: z.string().min(1).max(50_000) }).strict(),
		output: ReportState,
	},
	'report.export': {
		input: z
			.object({
				studyId: z.number().int(),
				formats: z.array(ExportFormat).min(1),
				includeKeyImage: z.boolean().default(false),
				/** Exports a handout that contradicts the report anyway; the reason goes to the audit log. */
				handoutOverride: z
					.object({ reason: z.string().trim().min(1).max(2000) })
					.strict()
					.optional(),
			})
			.strict(),
		output: z.object({ files: z.array(z.object({ format: ExportFormat, path: z.string() })) }),
	},
	'report.handout.generate': { input: ForStudy, output: ReportState },
	'report.handout.save': {
		input: z.object({ studyId: z.number().int(), text: z.string().min(1).max(50_000) }).strict(),
		output: ReportState,
	},
	'report.audit': { input: ForStudy, output: z.array(AuditEntry) },
	/** Stored corrections and conversations as a RaDialog-instruct-style `.json.gz` in the export folder. */
	'report.exportDataset': {
		input: z.object({}).strict(),
		output: z.object({ path: z.string(), records: z.number().int() }),
	},
} as const;
