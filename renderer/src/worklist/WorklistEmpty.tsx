/** An empty worklist: how studies get in, and the demo studies, labelled as not patients. */
export function WorklistEmpty({ busy, onLoadDemo }: { busy: boolean; onLoadDemo: () => void }) {
	return (
		<div className="empty-state" data-testid="worklist-empty">
			<p>No studies yet.</p>
			<p className="muted">
				Import a folder of DICOM files, drop files or folders here, or send studies to this workstation from a
				modality or PACS.
			</p>
			<p>
				<button onClick={onLoadDemo} disabled={busy} data-testid="load-demo-studies">
					{busy ? 'Generating demo studies…' : 'Load demo studies'}
				</button>{' '}
				<span className="muted">20 synthetic phantoms: demo data, not patients, not for clinical use.</span>
			</p>
		</div>
	);
}
