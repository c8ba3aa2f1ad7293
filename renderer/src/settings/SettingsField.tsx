import type { InputHTMLAttributes } from 'react';

/** One labelled input with its hint and its error right beside it (announced when it appears). */
export function SettingsField({
	id,
	label,
	hint,
	error,
	...input
}: {
	id: string;
	label: string;
	hint?: string;
	error?: string | null | undefined;
} & InputHTMLAttributes<HTMLInputElement>) {
	const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
	return (
		<div className="settings-field" data-invalid={error ? 'true' : 'false'}>
			<label htmlFor={id}>{label}</label>
			<input
				id={id}
				type="text"
				data-testid={`settings-${id}`}
				aria-invalid={error ? true : undefined}
				aria-describedby={described || undefined}
				{...input}
			/>
			{hint && (
				<span id={`${id}-hint`} className="settings-hint">
					{hint}
				</span>
			)}
			{error && (
				<span id={`${id}-error`} className="settings-error" role="alert" data-testid={`settings-${id}-error`}>
					{error}
				</span>
			)}
		</div>
	);
}
