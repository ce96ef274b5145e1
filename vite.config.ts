/** `npx vite` (the playground with live reload) and `npx vite build` read this. */
import { defineConfig } from 'vite';
import { playgroundConfig } from './src/node/playgroundConfig.ts';

export default defineConfig(playgroundConfig());
