import type { ApiHandlers } from '../../common/api/contract.js';
import type { AppInfo } from '../../common/api/appContract.js';
import { packageVersion } from './packageVersion.js';

/** What the workstation says about itself: version, door, data folder and the loaded models' notice. */
export function appHandlers(w: {
	shell: AppInfo['shell'];
	dataDir: string;
	modelNotice: () => string | null;
}): Pick<ApiHandlers, 'app.info'> {
	return {
		'app.info': () =>
			Promise.resolve({
				version: packageVersion(),
				shell: w.shell,
				dataDir: w.dataDir,
				modelNotice: w.modelNotice(),
			}),
	};
}
