import fs from 'node:fs';
import type { DicomWebPacs } from '../../common/api/pacsSettings.js';
import type { PacsStudy, PacsStudyQuery } from '../../common/api/pacsStudy.js';
import type { InstanceArrived, PacsClient } from './PacsClient.js';
import { PacsCredentialsError, PacsRefusedError } from './PacsErrors.js';
import { httpExchange, type HttpAnswer } from './httpExchange.js';
import { readMultipartRelated, writeMultipartRelated } from './multipartRelated.js';
import { jsonValue, pacsStudyFromJson, type DicomJsonObject } from './dicomJson.js';

/** Study attributes asked for beyond QIDO's defaults, so a worklist row is complete. */
const studyFields = ['00081030', '00201208', '00100021', '00100030', '00100040'];
const timeoutMs = 60_000;
/**
 * SOP classes that are documents, not images: structured reports and key object selections (our own
 * signed reports among them), presentation states, encapsulated PDF/CDA, raw data and registrations.
 * A study that went through reporting holds them; retrieval brings its images only, as C-GET does.
 */
const documentClassPrefixes = [
	'1.2.840.10008.5.1.4.1.1.88.',
	'1.2.840.10008.5.1.4.1.1.11.',
	'1.2.840.10008.5.1.4.1.1.104.',
	'1.2.840.10008.5.1.4.1.1.66',
];
const isDocument = (sopClassUid: string): boolean => documentClassPrefixes.some((p) => sopClassUid.startsWith(p));

/** A PACS reached over DICOMweb: QIDO-RS to find, WADO-RS to retrieve, STOW-RS to store (PS3.18). */
export class DicomWebPacsClient implements PacsClient {
	private readonly root: string;
	private readonly ca: string | undefined;

	constructor(private readonly pacs: DicomWebPacs) {
		this.root = pacs.baseUrl.replace(/\/+$/, '');
		this.ca = pacs.caFile ? fs.readFileSync(pacs.caFile, 'utf8') : undefined;
	}

	private headers(accept: string): Record<string, string> {
		const auth = this.pacs.auth;
		const headers: Record<string, string> = { accept };
		if (auth.kind === 'basic') {
			headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
		} else if (auth.kind === 'bearer') {
			headers.authorization = `Bearer ${auth.token}`;
		}
		return headers;
	}

	private async exchange(
		path: string,
		accept: string,
		what: string,
		body?: Buffer,
		type?: string,
	): Promise<HttpAnswer> {
		const url = new URL(`${this.root}${path}`);
		const headers = this.headers(accept);
		if (type) headers['content-type'] = type;
		const answer = await httpExchange({
			url,
			method: body ? 'POST' : 'GET',
			headers,
			body,
			ca: this.ca,
			timeoutMs,
		});
		if (answer.status === 401 || answer.status === 403) throw new PacsCredentialsError(this.root, answer.status);
		if (answer.status >= 300) throw new PacsRefusedError(this.root, what, answer.status);
		return answer;
	}

	private async json(path: string, what: string): Promise<DicomJsonObject[]> {
		const answer = await this.exchange(path, 'application/dicom+json', what);
		// QIDO answers 204 with no body when nothing matches.
		if (answer.status === 204 || answer.body.length === 0) return [];
		return JSON.parse(answer.body.toString('utf8')) as DicomJsonObject[];
	}

	async echo(): Promise<void> {
		await this.json('/studies?limit=1', 'a study search');
	}

	async findStudies(query: PacsStudyQuery): Promise<PacsStudy[]> {
		const modalities = query.modalities?.length ? query.modalities : [null];
		const found = new Map<string, PacsStudy>();
		// One search per modality: value lists of a CS attribute are not matched the same way by every server.
		for (const modality of modalities) {
			const params = new URLSearchParams();
			if (query.patientId) params.set('PatientID', query.patientId);
			if (query.patientName) params.set('PatientName', `${query.patientName}*`);
			if (query.accessionNumber) params.set('AccessionNumber', query.accessionNumber);
			if (query.studyInstanceUid) params.set('StudyInstanceUID', query.studyInstanceUid);
			if (query.since || query.until) params.set('StudyDate', `${query.since ?? ''}-${query.until ?? ''}`);
			if (modality) params.set('ModalitiesInStudy', modality);
			if (query.limit) params.set('limit', String(query.limit));
			for (const field of studyFields) params.append('includefield', field);
			for (const object of await this.json(`/studies?${params.toString()}`, 'the study search')) {
				const study = pacsStudyFromJson(object);
				if (study.studyInstanceUid) found.set(study.studyInstanceUid, study);
			}
		}
		return [...found.values()].sort((a, b) =>
			`${b.studyDate}${b.studyTime}`.localeCompare(`${a.studyDate}${a.studyTime}`),
		);
	}

	/** Instance by instance, so progress is real and one study's images never sit in memory at once. */
	async retrieveStudy(studyInstanceUid: string, arrived: InstanceArrived): Promise<number> {
		const study = encodeURIComponent(studyInstanceUid);
		const listed = await this.json(`/studies/${study}/instances`, `the instance list of study ${studyInstanceUid}`);
		const instances = listed.filter((instance) => !isDocument(jsonValue(instance, '00080016')));
		let done = 0;
		for (const instance of instances) {
			const series = encodeURIComponent(jsonValue(instance, '0020000E'));
			const sop = encodeURIComponent(jsonValue(instance, '00080018'));
			const answer = await this.exchange(
				`/studies/${study}/series/${series}/instances/${sop}`,
				// transfer-syntax=* keeps the stored encoding: no transcoding on the server, no loss.
				'multipart/related; type="application/dicom"; transfer-syntax=*',
				`instance ${jsonValue(instance, '00080018')}`,
			);
			for (const part of readMultipartRelated(answer.body, answer.contentType)) {
				done += 1;
				await arrived(part, done, Math.max(done, instances.length));
			}
		}
		return done;
	}

	async store(files: readonly Uint8Array[]): Promise<void> {
		const { body, contentType } = writeMultipartRelated(files);
		const answer = await this.exchange(
			'/studies',
			'application/dicom+json',
			'the stored report',
			body,
			contentType,
		);
		if (answer.body.length === 0) return;
		const result = JSON.parse(answer.body.toString('utf8')) as DicomJsonObject;
		// A 200 can still list failed instances (FailedSOPSequence); each one is a refusal.
		const failed = result['00081198']?.Value?.length ?? 0;
		if (failed > 0)
			throw new PacsRefusedError(this.root, `${failed} of ${files.length} stored files`, answer.status);
	}

	async close(): Promise<void> {}
}
