import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './parseArgs.js';

interface Command {
	readonly summary: string;
	run(argv: string[]): Promise<number>;
}

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

/** Each file in commands/ is one subcommand named after the file, so adding one touches nothing shared. */
function commandNames(): string[] {
	return fs
		.readdirSync(commandsDir)
		.filter((f) => /\.(ts|js)$/.test(f) && !f.includes('.test.'))
		.map((f) => f.replace(/\.(ts|js)$/, ''))
		.sort();
}

async function loadCommand(name: string): Promise<Command | null> {
	if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return null;
	const ext = fs.existsSync(path.join(commandsDir, `${name}.ts`)) ? 'ts' : 'js';
	return (await import(path.join(commandsDir, `${name}.${ext}`))) as Command;
}

async function usage(): Promise<string> {
	const lines = ['Usage: radialog <command> [options]', '', 'Commands:'];
	// A group's subcommand (models-verify) is listed in its group's summary, not as a command of its own.
	const all = commandNames();
	const names = all.filter((n) => !all.includes(n.split('-')[0]!) || !n.includes('-'));
	const width = Math.max(10, ...names.map((n) => n.length));
	for (const name of names) lines.push(`  ${name.padEnd(width)} ${(await loadCommand(name))?.summary ?? ''}`);
	return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(await usage());
		return name ? 0 : 2;
	}
	// A group's subcommand lives in its own file: `radialog models verify` runs commands/models-verify.ts.
	const sub = rest[0] && !rest[0].startsWith('-') ? await loadCommand(`${name}-${rest[0]}`) : null;
	if (sub) return runCommand(`${name} ${rest[0]}`, sub, rest.slice(1));
	const command = await loadCommand(name);
	if (!command) {
		console.error(`radialog: unknown command "${name}".\n\n${await usage()}`);
		return 2;
	}
	return runCommand(name, command, rest);
}

async function runCommand(name: string, command: Command, rest: string[]): Promise<number> {
	try {
		return await command.run(rest);
	} catch (err) {
		if (err instanceof UsageError) {
			console.error(`radialog ${name}: ${err.message}\n${command.summary}`);
			return 2;
		}
		console.error(`radialog ${name}: ${err instanceof Error ? err.message : String(err)}`);
		return 1;
	}
}
