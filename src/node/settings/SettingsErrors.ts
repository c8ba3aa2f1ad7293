import { ApiError } from '../../common/api/errors.js';

/** A folder setting that is not a full path: it would resolve against wherever the program was started. */
export class RelativeFolderError extends ApiError {
	constructor(
		readonly field: 'exportFolder' | 'modelsDir',
		folder: string,
	) {
		super(
			'bad_request',
			`The ${field === 'exportFolder' ? 'export folder' : 'model set folder'} must be a full path ` +
				`(such as /home/reader/Reports or D:\\Reports); "${folder}" is relative and would land in ` +
				`the program's own folder.`,
		);
	}
}
