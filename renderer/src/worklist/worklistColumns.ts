import {
	formatAge,
	formatDicomDate,
	formatPersonName,
	type Priority,
	type StudyStatus,
	type WorklistItem,
} from '../../../src/common/api/worklistContract.js';
import type { WorklistFilter } from './useWorklistRows.js';
import { priorityLabel } from './priorityLabel.js';

export const statuses: StudyStatus[] = ['new', 'drafted', 'in_review', 'signed'];
export const statusLabel: Record<StudyStatus, string> = {
	new: 'New',
	drafted: 'Drafted',
	in_review: 'In review',
	signed: 'Signed',
};
export type SortKey = NonNullable<WorklistFilter['sort']>;
export const priorities = Object.keys(priorityLabel) as Priority[];
/** The worklist's columns, each with the sort its header toggles. */
export const columns: { label: string; sort: SortKey; cell: (s: WorklistItem) => string; className?: string }[] = [
	{
		label: 'Patient',
		sort: 'patientName',
		cell: (s) => formatPersonName(s.patientPersonName).shown || s.patientName,
	},
	{ label: 'ID', sort: 'patientId', cell: (s) => s.patientId },
	{ label: 'Age/Sex', sort: 'age', cell: (s) => [formatAge(s.patientAge), s.patientSex].filter(Boolean).join(' / ') },
	{ label: 'Date', sort: 'studyDate', cell: (s) => formatDicomDate(s.studyDate) },
	{ label: 'Mod', sort: 'modality', cell: (s) => s.modality ?? '' },
	{ label: 'Body part', sort: 'bodyPart', cell: (s) => s.bodyPart ?? '' },
	{ label: 'Views', sort: 'views', cell: (s) => s.views.join(', ') },
	{ label: 'Img', sort: 'imageCount', cell: (s) => String(s.imageCount), className: 'num' },
	{ label: 'Status', sort: 'status', cell: (s) => statusLabel[s.status] },
	{ label: 'Priority', sort: 'priority', cell: (s) => priorityLabel[s.priority] },
];
/** Sorts whose natural first look is ascending (A to Z, STAT first, youngest first); the rest newest first. */
export const ascendingFirst = new Set<SortKey>([
	'patientName',
	'patientId',
	'priority',
	'modality',
	'bodyPart',
	'views',
]);
