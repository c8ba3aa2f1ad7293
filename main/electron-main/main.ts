// Electron main process: wiring only. Every user action is a function in src/, every security rule a
// module beside this file (each names the item of Electron's security checklist it implements, and
// each has unit tests); this file opens the window with them and connects it to the API dispatcher.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { ApiDispatcher } from '../../src/node/bridge/ApiDispatcher.js';
import { Workstation } from '../../src/node/workstation/Workstation.js';
import { projectRoot } from '../../src/node/workstation/projectRoot.js';
import { schemaUpdateNotice } from '../../src/node/workstation/schemaUpdateNotice.js';
import { apiCallHandler } from './apiCallHandler.js';
import { appOrigin } from './appOrigin.js';
import { appProtocolHandler } from './appProtocol.js';
import { limitNavigation } from './navigationPolicy.js';
import { denyAllPermissions } from './permissionPolicy.js';
import { allowOnlyAppRequests } from './requestFilter.js';
import { UtilityModelProcessLauncher } from './UtilityModelProcessLauncher.js';
import { windowOptions } from './windowOptions.js';

// Registered before ready, as Electron requires.
protocol.registerSchemesAsPrivileged([
	{ scheme: appOrigin.scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Checklist "4. Enable process sandboxing": for every renderer, not only the windows we configure.
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
		onSchemaUpdate: (u) => console.log(schemaUpdateNotice(u)),
	});
	denyAllPermissions(session.defaultSession);
	allowOnlyAppRequests(session.defaultSession);
	session.defaultSession.protocol.handle(appOrigin.scheme, appProtocolHandler(path.join(root, 'dist', 'renderer')));
	ipcMain.handle('radialog:call', apiCallHandler(new ApiDispatcher(workstation.handlers)));

	const win = new BrowserWindow(windowOptions(path.join(root, 'dist', 'main', 'preload.cjs')));
	limitNavigation(win.webContents, (url) => shell.openExternal(url));
	const unsubscribe = workstation.events.subscribe((e) => {
		if (!win.isDestroyed()) win.webContents.send('radialog:event', e);
	});
	win.on('closed', unsubscribe);
	await workstation.startBackground();
	await win.loadURL(`${appOrigin.href}/index.html`);

	app.on('window-all-closed', () => {
		void workstation.close().finally(() => app.quit());
	});
}

void start().catch((err: unknown) => {
	console.error(err);
	app.exit(1);
});
