import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkstationClient } from './api/WorkstationClient.js';
import { ClientContext } from './api/ClientContext.js';
import { App } from './shell/App.js';
import { SettingsHost } from './settings/SettingsHost.js';
import './shell/theme.css';

const client = createWorkstationClient();
createRoot(document.getElementById('root')!).render(
	<StrictMode>
		<ClientContext.Provider value={client}>
			<SettingsHost>
				<App />
			</SettingsHost>
		</ClientContext.Provider>
	</StrictMode>,
);
