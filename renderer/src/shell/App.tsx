import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../src/common/api/appContract.js';
import { useClient } from '../api/ClientContext.js';
import { WorklistPanel } from '../worklist/WorklistPanel.js';
import { StudyView } from '../study/StudyView.js';
import { useOpenStudy } from '../worklist/useOpenStudy.js';
import { StatusBar } from './StatusBar.js';
import { AuditChainNotice } from './AuditChainNotice.js';
import { FirstRunGate } from '../settings/FirstRunGate.js';
import { SettingsButton } from '../settings/SettingsButton.js';

export function App() {
	const { api } = useClient();
	const [info, setInfo] = useState<AppInfo | null>(null);
	const [error, setError] = useState<string | null>(null);
	const { restored, openStudyId, openStudy } = useOpenStudy();
	useEffect(() => {
		api['app.info']({}).then(setInfo, (e: Error) => setError(e.message));
	}, [api]);
	return (
		<div className="app" data-testid="app" data-ready={info ? 'true' : 'false'}>
			<header className="app-header">
				<h1>RaDialog Workstation</h1>
				{info?.modelNotice && (
					<span className="model-notice" data-testid="model-notice">
						{info.modelNotice}
					</span>
				)}
				<SettingsButton />
			</header>
			{error && (
				<div className="banner banner-error" role="alert">
					Cannot reach the workstation backend: {error}
				</div>
			)}
			<AuditChainNotice />
			<main className="app-main">
				{!restored ? null : openStudyId === null ? (
					<FirstRunGate>
						<WorklistPanel onOpenStudy={openStudy} />
					</FirstRunGate>
				) : (
					<StudyView studyId={openStudyId} onClose={() => openStudy(null)} onOpenStudy={openStudy} />
				)}
			</main>
			<StatusBar info={info} />
		</div>
	);
}
