import { useEffect, useState } from 'react';
import type { StudyDetail } from '../../../src/common/api/studiesContract.js';
import {
	formatAge,
	formatDicomDate,
	formatPersonName,
	type Priority,
} from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';
import { priorityLabel, stepPriority } from '../worklist/priorityLabel.js';
import './patientBanner.css';

const sexLabel: Record<string, string> = { M: 'Male', F: 'Female', O: 'Other' };

/**
 * Who this study is of, above the images and the report, so the reader never reports on the wrong patient:
 * name, birth date and age at the study, sex, ID, accession, description and referring physician, and the
 * study's priority, which the reader may change here. A value the study does not carry is left out.
 */
export function PatientBanner({ studyId }: { studyId: number }) {
	const { api } = useClient();
	const [study, setStudy] = useState<StudyDetail | null>(null);
	const [error, setError] = useState<string | null>(null);

	useEffect(() => {
		let live = true;
		setStudy(null);
		setError(null);
		api['study.get']({ studyId }).then(
			(s) => live && setStudy(s),
			(e: Error) => live && setError(`Patient details could not be read: ${e.message}`),
		);
		return () => {
			live = false;
		};
	}, [api, studyId]);

	const setPriority = (priority: Priority) => {
		setError(null);
		const before = study?.priority;
		setStudy((s) => (s ? { ...s, priority } : s));
		api['study.setPriority']({ studyId, priority }).then(
			(r) => setStudy((s) => (s && s.studyId === r.studyId ? { ...s, priority: r.priority } : s)),
			(e: Error) => {
				setError(`The priority was not changed: ${e.message}`);
				setStudy((s) => (s && before ? { ...s, priority: before } : s));
			},
		);
	};

	if (!study) {
		return (
			<header className="patient-banner" aria-label="Patient" data-testid="patient-banner" data-loaded="false">
				{error && <span role="alert">{error}</span>}
			</header>
		);
	}
	const name = formatPersonName(study.patientPersonName);
	const referrer = formatPersonName(study.referringPhysician);
	const fields: [string, string, string][] = [
		['ID', 'patient-id', study.patientId],
		['Born', 'birth-date', formatDicomDate(study.patientBirthDate)],
		['Age', 'age', formatAge(study.patientAge)],
		['Sex', 'sex', study.patientSex ? (sexLabel[study.patientSex] ?? study.patientSex) : ''],
		['Accession', 'accession', study.accessionNumber ?? ''],
		['Study', 'description', study.description ?? ''],
		['Date', 'study-date', formatDicomDate(study.studyDate)],
		['Referring', 'referrer', referrer.shown],
	];
	return (
		<header className="patient-banner" aria-label="Patient" data-testid="patient-banner" data-loaded="true">
			<span
				className="pb-name"
				data-testid="banner-name"
				title={name.otherGroups.length ? name.otherGroups.join(' · ') : undefined}
			>
				{name.shown || study.patientName}
			</span>
			<dl className="pb-fields">
				{fields
					.filter(([, , value]) => value)
					.map(([label, id, value]) => (
						<div key={id} className="pb-field">
							<dt>{label}</dt>
							<dd data-testid={`banner-${id}`}>{value}</dd>
						</div>
					))}
			</dl>
			<label className={`pb-priority priority-${study.priority}`}>
				Priority{' '}
				<select
					value={study.priority}
					onChange={(e) => setPriority(e.target.value as Priority)}
					onKeyDown={(e) => {
						const next = stepPriority(study.priority, e.key);
						if (!next) return;
						e.preventDefault();
						if (next !== study.priority) setPriority(next);
					}}
					data-testid="banner-priority"
				>
					{(Object.keys(priorityLabel) as Priority[]).map((p) => (
						<option key={p} value={p}>
							{priorityLabel[p]}
						</option>
					))}
				</select>
			</label>
			{error && (
				<span className="pb-error" role="alert">
					{error}
				</span>
			)}
		</header>
	);
}
