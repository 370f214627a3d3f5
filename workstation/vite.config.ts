import { defineConfig } from 'vite';

export default defineConfig({ base: '/workstation/', build: { outDir: 'dist', emptyOutDir: true } });
