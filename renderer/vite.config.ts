import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	plugins: [react()],
	build: {
		outDir: path.join(here, '..', 'dist', 'renderer'),
		emptyOutDir: true,
		sourcemap: true,
		target: 'es2022',
		chunkSizeWarningLimit: 2000,
	},
});
