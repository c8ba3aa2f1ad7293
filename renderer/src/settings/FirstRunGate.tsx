import { useState, type ReactNode } from 'react';
import { FirstRunStep } from './FirstRunStep.js';
import { useSettings } from './SettingsContext.js';

const skippedKey = 'radialog-first-run-skipped';

/** Shows the first-run step instead of the worklist while no reader name is set, unless skipped this session. */
export function FirstRunGate({ children }: { children: ReactNode }) {
	const { settings, ready, saved } = useSettings();
	const [skipped, setSkipped] = useState(() => sessionStorage.getItem(skippedKey) === 'true');
	if (!ready) return null;
	if (!settings || settings.readerName || skipped) return <>{children}</>;
	return (
		<FirstRunStep
			settings={settings}
			onSaved={saved}
			onSkip={() => {
				sessionStorage.setItem(skippedKey, 'true');
				setSkipped(true);
			}}
		/>
	);
}
