import { defineConfig } from 'vite';

export default defineConfig({ base: '/kiosk/', build: { outDir: 'dist', emptyOutDir: true } });
