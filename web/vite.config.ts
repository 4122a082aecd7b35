import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: pages served by Vite, API calls passed to a running quick start's dashboard server
// (which forwards them to the gateway), so the browser still talks to one origin.
const backend = 'http://127.0.0.1:4080';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: { '/graphql': backend, '/exports': backend, '/dev': backend },
  },
});
