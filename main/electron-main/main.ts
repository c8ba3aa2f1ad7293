// Electron main process: only wiring. Every user action is a function in src/; this file opens the
// window, applies Electron's security checklist and connects the window to the one API dispatcher.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { ApiDispatcher, toApiError } from '../../src/node/bridge/ApiDispatcher.js';
import { Workstation } from '../../src/node/workstation/Workstation.js';
import { projectRoot } from '../../src/node/workstation/projectRoot.js';
import { appScheme, appOrigin, serveAppProtocol } from './appProtocol.js';
import { hardenSession, hardenWebContents } from './hardening.js';
import { UtilityModelProcessLauncher } from './UtilityModelProcessLauncher.js';

// Checklist "Use a custom protocol instead of file://": registered before ready, as Electron requires.
protocol.registerSchemesAsPrivileged([
	{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Checklist "Enable process sandboxing": for every renderer, not only the windows we remember to configure.
app.enableSandbox();

function dataDirArg(): string | undefined {
	const i = process.argv.indexOf('--data-dir');
	return i >= 0
		? process.argv[i + 1]
		: process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

async function start(): Promise<void> {
	await app.whenReady();
	const root = projectRoot();
	const workstation = new Workstation({
		dataDir: dataDirArg() ?? app.getPath('userData'),
		shell: 'electron',
		// better-sqlite3 built against Electron's ABI lives apart from Node's build (see README, "Native modules").
		sqliteNativeBinding: path.join(root, 'dist', 'electron-native', 'better_sqlite3.node'),
		// fork() needs ELECTRON_RUN_AS_NODE, which the runAsNode fuse disables: the model process is a utilityProcess.
		modelProcessLauncher: new UtilityModelProcessLauncher(),
	});
	const dispatcher = new ApiDispatcher(workstation.handlers);
	hardenSession(session.defaultSession);
	serveAppProtocol(session.defaultSession, path.join(root, 'dist', 'renderer'));

	// Checklist "Validate the sender of all IPC messages": only our own page may call the API.
	ipcMain.handle('radialog:call', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
		if (!event.senderFrame || new URL(event.senderFrame.url).origin !== appOrigin)
			throw new Error('Refused: unknown sender.');
		try {
			return { ok: true, value: await dispatcher.dispatch(String(method), input) };
		} catch (err) {
			return { ok: false, error: toApiError(err).toBody() };
		}
	});

	const win = new BrowserWindow({
		width: 1600,
		height: 1000,
		backgroundColor: '#111418',
		title: 'RaDialog Workstation',
		webPreferences: {
			preload: path.join(root, 'dist', 'main', 'preload.cjs'),
			contextIsolation: true,
			sandbox: true,
			nodeIntegration: false,
			webSecurity: true,
			spellcheck: false,
		},
	});
	hardenWebContents(win.webContents);
	const unsubscribe = workstation.events.subscribe((e) => {
		if (!win.isDestroyed()) win.webContents.send('radialog:event', e);
	});
	win.on('closed', unsubscribe);
	await workstation.startBackground();
	await win.loadURL(`${appOrigin}/index.html`);

	app.on('window-all-closed', () => {
		void workstation.close().finally(() => app.quit());
	});
}

void start().catch((err: unknown) => {
	console.error(err);
	app.exit(1);
});
