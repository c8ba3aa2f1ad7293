import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../src/common/api/appContract.js';
import { useClient } from '../api/ClientContext.js';
import {
	draftOf,
	localErrors,
	patchOf,
	type DraftErrors,
	type DraftField,
	type SettingsDraft,
} from './settingsDraft.js';

/** Folder fields the server checks on the reader's computer (exists, is a folder, may be written or read). */
const folderChecks = [
	{ field: 'exportFolder', access: 'write' },
	{ field: 'modelsDir', access: 'read' },
] as const;

/**
 * The settings form's state and its save: local checks, then the server's folder checks, then the update.
 * Each problem lands beside its field and the first one takes the focus; nothing is saved while any remain.
 */
export function useSettingsForm(
	initial: Settings,
	o: {
		/** Prefixes the fields' element ids, so the first-run step and the screen never share one. */
		idPrefix: string;
		fields: readonly DraftField[];
		requireName: boolean;
		onSaved: (s: Settings) => void;
		/** More of the change from another part of the form (PACS); null when it shows its own errors. */
		extraPatch?: () => SettingsPatch | null;
	},
) {
	const { api } = useClient();
	const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
	const [errors, setErrors] = useState<DraftErrors>({});
	const [formError, setFormError] = useState<string | null>(null);
	const [saving, setSaving] = useState(false);

	const set = <F extends DraftField>(field: F, value: SettingsDraft[F]) => {
		setDraft((d) => ({ ...d, [field]: value }));
		setErrors((e) => ({ ...e, [field]: undefined }));
	};

	const showErrors = (found: DraftErrors) => {
		setErrors(found);
		const first = o.fields.find((f) => found[f]);
		if (first) requestAnimationFrame(() => document.getElementById(`${o.idPrefix}-${first}`)?.focus());
	};

	const save = async () => {
		setFormError(null);
		const found = localErrors(draft, o.fields, o.requireName);
		setSaving(true);
		try {
			for (const { field, access } of folderChecks) {
				if (!o.fields.includes(field) || !draft[field].trim() || found[field]) continue;
				const r = await api['settings.checkFolder']({ folder: draft[field], access });
				if (r.problem) found[field] = r.problem;
			}
			const extra = o.extraPatch ? o.extraPatch() : {};
			if (Object.values(found).some(Boolean)) return showErrors(found);
			if (!extra) return;
			o.onSaved(await api['settings.update']({ ...patchOf(draft, o.fields), ...extra }));
		} catch (e) {
			const message = (e as Error).message;
			// The server's refusal of a relative folder names the field it refused.
			if (/export folder/i.test(message)) showErrors({ exportFolder: message });
			else if (/model set folder/i.test(message)) showErrors({ modelsDir: message });
			else setFormError(message);
		} finally {
			setSaving(false);
		}
	};

	/** The props that tie one field's input to the form: id, value, change, error. */
	const field = (f: Exclude<DraftField, 'receiverEnabled'>) => ({
		id: `${o.idPrefix}-${f}`,
		value: draft[f],
		error: errors[f],
		onChange: (e: { target: { value: string } }) => set(f, e.target.value),
	});

	return { draft, set, field, errors, formError, saving, save };
}
