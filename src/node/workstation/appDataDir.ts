import os from 'node:os';
import path from 'node:path';

export const appName = 'RaDialog Workstation';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives, so the browser
 * shell and the Electron shell open the same database.
 */
export function defaultDataDir(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): string {
	if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), appName);
	if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', appName);
	return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), appName);
}
