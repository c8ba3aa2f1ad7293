// Electron security checklist, "3. Enable context isolation" and "20. Do not expose Electron APIs to
// untrusted web content": the page sees only `window.radialog`, with two functions: call a named API
// method (names checked against the contract here, inputs validated again in main) and listen to events.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiMethodNames } from '../../src/common/api/methodNames.js';

const allowed = new Set<string>(apiMethodNames);

contextBridge.exposeInMainWorld('radialog', {
	call(method: string, input: unknown): Promise<unknown> {
		if (!allowed.has(method)) return Promise.reject(new Error(`Unknown call "${method}".`));
		return ipcRenderer.invoke('radialog:call', method, input);
	},
	onEvent(listener: (event: unknown) => void): () => void {
		const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
		ipcRenderer.on('radialog:event', wrapped);
		return () => ipcRenderer.removeListener('radialog:event', wrapped);
	},
});
