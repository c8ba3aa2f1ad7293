/**
 * Labels and hints of the fields the first-run step and the settings screen share, so both say the
 * same thing (e2e tests find the fields by these labels).
 */
export const readerFieldText = {
	readerName: { label: 'Your name (signs reports)', autoComplete: 'name' },
	readerCredentials: {
		label: 'Credentials (printed beside your name)',
		hint: 'For example: MD, Consultant Radiologist',
	},
	exportFolder: {
		label: 'Export folder',
		hint: "A full path on the workstation's computer, e.g. /home/reader/Reports or D:\\Reports",
	},
} as const;
