/** Images of the open study. Filled in by the viewer work (Cornerstone behind one adapter). */
export function ViewerPane({ studyId, onClose }: { studyId: number; onClose: () => void }) {
	return (
		<section className="viewer-pane" aria-label="Images">
			<button onClick={onClose}>Back to worklist</button>
			<p className="muted">Study {studyId}</p>
		</section>
	);
}
