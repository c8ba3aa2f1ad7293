import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.js';

/** A DICOM node Orthanc may send to (C-MOVE destination), by AE title. */
export interface OrthancModality {
	readonly aeTitle: string;
	readonly port: number;
}

export interface OrthancPeerOptions {
	/** Basic authentication users; none means no authentication. */
	readonly users?: Readonly<Record<string, string>>;
	readonly modalities?: readonly OrthancModality[];
	/** PEM holding certificate and key: Orthanc then serves HTTPS only. */
	readonly tlsPem?: string;
}

const dicomWebPlugin = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

/**
 * A real Orthanc PACS (Debian's `orthanc` + `orthanc-dicomweb`) started by a test on loopback with its own
 * configuration and storage folder; never the system service. stop() and start() keep the storage, so a
 * test can take the PACS down and bring it back.
 */
export class OrthancPeer {
	readonly aeTitle = 'ORTHANC';
	private child: ChildProcess | null = null;
	private log = '';

	private constructor(
		readonly folder: string,
		readonly httpPort: number,
		readonly dicomPort: number,
		private readonly options: OrthancPeerOptions,
	) {}

	static available(): boolean {
		return fs.existsSync('/usr/sbin/Orthanc') && fs.existsSync(dicomWebPlugin);
	}

	static async start(options: OrthancPeerOptions = {}): Promise<OrthancPeer> {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-orthanc-'));
		const peer = new OrthancPeer(folder, await freePort(), await freePort(), options);
		peer.writeConfig();
		await peer.start();
		return peer;
	}

	get httpUrl(): string {
		return `${this.options.tlsPem ? 'https' : 'http'}://127.0.0.1:${this.httpPort}`;
	}

	get dicomWebUrl(): string {
		return `${this.httpUrl}/dicom-web`;
	}

	get dimseUrl(): string {
		return `dicom://${this.aeTitle}@127.0.0.1:${this.dicomPort}`;
	}

	private writeConfig(): void {
		const modalities = Object.fromEntries(
			(this.options.modalities ?? []).map((m) => [m.aeTitle, [m.aeTitle, '127.0.0.1', m.port]]),
		);
		const tls = this.options.tlsPem ? { SslEnabled: true, SslCertificate: this.options.tlsPem } : {};
		const config = {
			Name: 'radialog-test',
			StorageDirectory: path.join(this.folder, 'storage'),
			IndexDirectory: path.join(this.folder, 'storage'),
			HttpPort: this.httpPort,
			DicomPort: this.dicomPort,
			DicomAet: this.aeTitle,
			RemoteAccessAllowed: false,
			AuthenticationEnabled: Boolean(this.options.users),
			RegisteredUsers: this.options.users ?? {},
			DicomModalities: modalities,
			// Any calling AE may query and retrieve, as a department PACS configured for the workstation would.
			DicomAlwaysAllowFind: true,
			DicomAlwaysAllowGet: true,
			DicomAlwaysAllowMove: true,
			DicomCheckCalledAet: false,
			Plugins: [dicomWebPlugin],
			DicomWeb: { Enable: true, Root: '/dicom-web/' },
			...tls,
		};
		fs.writeFileSync(path.join(this.folder, 'orthanc.json'), JSON.stringify(config, null, 1));
	}

	/** Starts (or restarts) Orthanc and waits until its REST API answers. */
	async start(): Promise<void> {
		if (this.child) return;
		this.log = '';
		const child = spawn('/usr/sbin/Orthanc', [path.join(this.folder, 'orthanc.json')], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child = child;
		const keep = (chunk: Buffer): void => {
			this.log = (this.log + chunk.toString('utf8')).slice(-8000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.on('exit', () => {
			if (this.child === child) this.child = null;
		});
		const deadline = Date.now() + 30_000;
		while (!this.log.includes('Orthanc has started')) {
			if (!this.child) throw new Error(`Orthanc exited while starting:\n${this.log}`);
			if (Date.now() > deadline) throw new Error(`Orthanc did not start in 30 s:\n${this.log}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	/** Stops Orthanc, keeping its storage; start() brings the same PACS back. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
		this.child = null;
	}

	async dispose(): Promise<void> {
		await this.stop();
		fs.rmSync(this.folder, { recursive: true, force: true });
	}

	get output(): string {
		return this.log;
	}

	private authHeader(): Record<string, string> {
		const first = Object.entries(this.options.users ?? {})[0];
		if (!first) return {};
		return { authorization: `Basic ${Buffer.from(`${first[0]}:${first[1]}`).toString('base64')}` };
	}

	/** Stores files through Orthanc's own REST API (not the code under test), as a modality would push them. */
	async storeFiles(files: readonly string[]): Promise<void> {
		for (const file of files) {
			const response = await fetch(`${this.httpUrl}/instances`, {
				method: 'POST',
				headers: { 'content-type': 'application/dicom', ...this.authHeader() },
				body: fs.readFileSync(file),
			});
			if (!response.ok) throw new Error(`Orthanc refused ${file}: ${response.status} ${await response.text()}`);
		}
	}

	/** Orthanc's own REST API, for checks the code under test must not answer itself. */
	async rest<T>(route: string): Promise<T> {
		const response = await fetch(`${this.httpUrl}${route}`, { headers: this.authHeader() });
		if (!response.ok) throw new Error(`Orthanc ${route}: ${response.status}`);
		return (await response.json()) as T;
	}
}
