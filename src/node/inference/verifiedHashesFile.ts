import os from 'node:os';
import path from 'node:path';

/**
 * Where the hashes of verified model files are remembered: the user's own cache folder. A shared temp
 * folder would let another user's file vouch for a model this user loads.
 */
export function verifiedHashesFile(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): string {
	const cache =
		platform === 'win32'
			? (env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'))
			: platform === 'darwin'
				? path.join(os.homedir(), 'Library', 'Caches')
				: (env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'));
	return path.join(cache, 'radialog', 'verified-model-files.json');
}
